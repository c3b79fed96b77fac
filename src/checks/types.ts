import type { LanguageSource } from "../text/language-choice.ts";

export type CheckName =
  | "keywords"
  | "length"
  | "seo_title"
  | "seo_description"
  | "banned_words"
  | "invented_specs"
  | "language"
  | "missing_fields"
  | "formula_start";

/** One check's outcome; `detail` is a sentence for a shop worker, quoted to the model in a repair request. */
export interface Check {
  readonly check: CheckName;
  readonly ok: boolean;
  readonly detail: string;
  /** The language check only: the language checked for, and what chose it (kept with the version). */
  readonly language?: string;
  readonly language_source?: LanguageSource;
}

export interface CheckInput {
  /** The main prose (description or abstract): length and language are checked on it. */
  readonly body: string;
  /** Every text field of the copy: keywords, banned words and invented specifications are checked on them. */
  readonly texts: readonly string[];
  /** Tags and other labels: checked for banned words only. */
  readonly tags?: readonly string[];
  readonly seoTitle?: string;
  readonly seoDescription?: string;
}

export interface CheckContext {
  readonly title: string;
  readonly keywords: readonly string[];
  readonly facts: Readonly<Record<string, string>>;
  /** Words in the body. */
  readonly length?: { readonly min: number; readonly max: number };
  readonly bannedWords: readonly string[];
  /** BCP 47 tag asked for, e.g. "de", "fr-CA". */
  readonly language?: string;
  /** What chose that language (the call, the brand voice, the catalog, the default). */
  readonly languageSource?: LanguageSource;
}
