import type { z } from "zod";
import type { Check } from "../checks/index.ts";
import type { BrandVoice } from "../store/brand-voices.ts";
import type { KindName, NewRecord, StoredRecord } from "../store/records.ts";
import type { LanguageSource } from "../text/language-choice.ts";
import type { WritingBrief } from "./brief.ts";
import type { CopyBriefOptions } from "./product-copy.ts";

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

/**
 * Everything copydesk needs to know about one kind of record (a product, a blog post). The store, the
 * tools, the resources, the server's instructions and the README's tool reference all follow from it:
 * a new kind is one new file here plus its prompt in src/writing/.
 */
export interface RecordKind<C extends object = Record<string, unknown>> {
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
  /** The one text everyone asks for: "description", "abstract". */
  readonly mainField: keyof C & string;
  readonly tools: KindToolNames;
  /** The single-text save tool kept from copydesk 0.1 (save_product_description, save_blog_abstract). */
  readonly legacySave: { readonly name: string; readonly title: string; readonly description: string };
  readonly create: {
    readonly title: string;
    readonly description: string;
    /** The create tool's input (title included). */
    readonly input: z.ZodRawShape;
  };
  /** Splits a create call's input into what is stored. */
  recordFrom(input: Record<string, unknown>): NewRecord;
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
