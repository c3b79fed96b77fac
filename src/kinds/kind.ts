import type { z } from "zod";
import type { Check } from "../checks/index.ts";
import type { BrandVoice } from "../store/brand-voices.ts";
import type { KindName, NewRecord, StoredRecord } from "../store/records.ts";
import type { LanguageSource } from "../text/language-choice.ts";
import type { CopyBriefOptions, WritingBrief } from "./brief.ts";
import type { CommonFields } from "./fields.ts";
import type { StoredInput } from "./stored-input.ts";

/** What checks and briefs know beyond the record: the brand voice in force, the language and who chose it. */
export interface CopyContext {
  readonly brand: BrandVoice | undefined;
  readonly language: string;
  readonly languageSource: LanguageSource;
}

/** The names of the tools a kind gets. */
export interface KindToolNames {
  readonly create: string;
  readonly get: string;
  readonly list: string;
  readonly saveCopy: string;
  readonly revise: string;
  readonly versions: string;
  readonly restore: string;
}

/** A single-text save tool, as copydesk 0.1 had one per kind. */
export interface LegacySave {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

/**
 * Everything copydesk needs to know about one kind of record (a product, a blog post). The store, the
 * tools, the resources, the prompts' completions, the server's instructions and the README's tool
 * reference all follow from it: a new kind is one new folder here, listed in all/index.ts.
 * `I` is the stored input: the kind's own fields and the common ones every tool reads the same way.
 */
export interface RecordKind<
  C extends object = Record<string, unknown>,
  I extends CommonFields = CommonFields,
> {
  readonly name: KindName;
  /** "product", "blog post". */
  readonly noun: string;
  readonly plural: string;
  /** Key of the record in tool results: "product", "post". */
  readonly key: string;
  /** Key of a list in tool results and the resource URI segment: "products", "posts". */
  readonly listKey: string;
  /**
   * What tells the language when neither the call nor the brand voice does: the catalog's imported
   * descriptions (products), or the record's own text (a post's content).
   */
  readonly languageFrom: "catalog" | "content";
  /** The record's own text, which tells its language when languageFrom is "content" (a post's content). */
  ownText?(record: NewRecord): string | undefined;
  /**
   * Records that come from a shop's store files: imported, compared with the store's copy, approved and
   * exported by the catalog tools (products).
   */
  readonly fromStoreFiles: boolean;
  /** The one text everyone asks for: "description", "abstract". */
  readonly mainField: keyof C & string;
  readonly tools: KindToolNames;
  /** The single-text save tool kept from copydesk 0.1 (save_product_description, save_blog_abstract); a newer kind has none. */
  readonly legacySave?: LegacySave;
  readonly create: {
    readonly title: string;
    readonly description: string;
    /** The create tool's input (title included). */
    readonly input: z.ZodRawShape;
  };
  /** Splits a create call's input into what is stored. */
  recordFrom(input: Record<string, unknown>): NewRecord;
  /** The record's stored input, parsed with the kind's schema; what cannot be read is said, not thrown. */
  readInput(record: { readonly input: unknown }): StoredInput<I>;
  /** The copy as a model or a caller writes it: what replies and save_*_copy are validated against. */
  readonly copyInput: z.ZodObject;
  /** The copy as stored and returned. */
  readonly copyOutput: z.ZodObject;
  /** The JSON shape, as the calling model is shown it. */
  readonly copyShape: string;
  /** Normalises validated copy (HTML made from the text, tags lower-cased, prose cleaned). */
  finish(parsed: Record<string, unknown>): C;
  /** The copy as the model writes it, for a follow-up turn. */
  show(copy: C): string;
  /** A copy with only the main text, for the single-text save tool. */
  withMainText(copy: C | undefined, text: string): C;
  brief(record: NewRecord, options: CopyBriefOptions): WritingBrief;
  checks(copy: C, record: NewRecord, context: CopyContext): Check[];
  /** The record's own fields in tool results (besides id, title, copy and provenance). */
  readonly recordFields: z.ZodRawShape;
  present(record: StoredRecord, full: boolean): Record<string, unknown>;
  /** The record's own fields for a person, one per line. */
  describe(record: StoredRecord): string[];
}
