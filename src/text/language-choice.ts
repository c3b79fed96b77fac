/**
 * Who decided the language copy is written in, in the order asked: the call (or the job), the brand
 * voice, what the record's material says (a catalog's imported descriptions, a post's own text), the
 * server's --language, else English. Never a product name alone: a few words are too often misread.
 */
export type LanguageSource = "call" | "brand_voice" | "catalog" | "content" | "default";

export const LANGUAGE_SOURCES: readonly LanguageSource[] = [
  "call",
  "brand_voice",
  "catalog",
  "content",
  "default",
];

export interface LanguageChoice {
  /** A BCP 47 tag, e.g. "en", "fr-CA". */
  readonly language: string;
  readonly source: LanguageSource;
}

/** What copydesk writes in when nothing says otherwise. */
export const FALLBACK_LANGUAGE = "en";

export interface LanguageCandidates {
  readonly call?: string | undefined;
  readonly brandVoice?: string | null | undefined;
  /** The material's language and what it is ("catalog", "content"); asked only when needed. */
  readonly material?: () => LanguageChoice | undefined;
  /** The server-wide default (--language, COPYDESK_LANGUAGE). */
  readonly serverDefault?: string | undefined;
}

export function chooseLanguage(candidates: LanguageCandidates): LanguageChoice {
  if (candidates.call) return { language: candidates.call, source: "call" };
  if (candidates.brandVoice) return { language: candidates.brandVoice, source: "brand_voice" };
  const material = candidates.material?.();
  if (material) return material;
  return { language: candidates.serverDefault || FALLBACK_LANGUAGE, source: "default" };
}

/** "English (en), the server's default", for the brief's reader and the checks' detail. */
export function languageSourceText(source: LanguageSource): string {
  switch (source) {
    case "call":
      return "as asked";
    case "brand_voice":
      return "the brand voice's language";
    case "catalog":
      return "the language of the catalog's descriptions";
    case "content":
      return "the language of the post";
    case "default":
      return "the default language";
  }
}
