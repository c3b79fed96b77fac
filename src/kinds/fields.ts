import { z } from "zod";
import { SEO_LIMITS } from "../checks/seo-limits.ts";
import { LANGUAGE_SOURCES } from "../text/language-choice.ts";
import { canonicalLanguage, languageTag } from "../text/language-tag.ts";
import { plainLine } from "../text/plain-text.ts";
import { LENGTH_PATTERN, TONE_PRESETS } from "./copy-settings.ts";

/** Input fields more than one kind takes, bounded and described once. */

export const language = languageTag("language")
  .transform((tag) => canonicalLanguage(tag) ?? tag)
  .optional()
  .describe(
    "Language to write in, as a BCP 47 tag (e.g. de, fr-CA); default: the brand voice's, else the one the product's imported catalog (or the post's text) is in, else the server's --language, else English",
  );

/** In results: what chose the language. */
export const languageSourceField = z
  .enum(LANGUAGE_SOURCES)
  .optional()
  .describe(
    "What chose the language: call (asked), brand_voice, catalog (its imported descriptions), content (the post's text) or default (--language, else English)",
  );

/** The common fields in results, described once; each kind places them among its own. */
export const commonRecordFields = {
  language: z
    .string()
    .optional()
    .describe("The language the copy is written in (BCP 47), as language_source chose it"),
  language_source: languageSourceField,
  tone: z.string().optional(),
  brand: z.string().optional().describe("The brand voice asked for by name"),
};

/** A create tool's image: a path, a data: URL or an http(s) URL, loaded and checked by the tool. */
export const imageField = z
  .string()
  .trim()
  .min(1, "image must not be empty")
  .max(7_000_000, "image is too long: give a file path or URL instead of a data: URL over 5 MB");

/** A record's image as stored: where it came from and which bytes (the bytes are kept apart, by hash). */
export const storedImage = z.object({
  source: z.string().describe("Where the image came from (a data: URL is shown shortened)"),
  sha256: z.string().describe("SHA-256 of the image's bytes"),
  mimeType: z.string(),
});

/**
 * The stored fields any kind's record may carry, which the tools read the same way whatever the kind: the
 * brand voice and tone asked for, the language and what chose it, an image. Types only: a stored record
 * was bounded when it was made, and an old one must still read.
 */
export const commonStoredFields = {
  brand: z.string().optional(),
  language: z.string().optional(),
  language_source: z.enum(LANGUAGE_SOURCES).optional(),
  tone: z.string().optional(),
  image: storedImage.optional(),
};

export type CommonFields = z.output<z.ZodObject<typeof commonStoredFields>>;

export const tone = z
  .string()
  .trim()
  .min(1, "tone must not be empty")
  .max(200, "tone must be at most 200 characters")
  .optional()
  .describe(`A preset (${Object.keys(TONE_PRESETS).join(", ")}) or your own words, e.g. "dry and factual"`);

export const length = z
  .string()
  .trim()
  .regex(LENGTH_PATTERN, 'length is "short", "medium", "long" or a word range such as "80-120"')
  .optional()
  .describe('short (~50 words), medium (~100, the default), long (~200), or a word range such as "80-120"');

export const brand = z
  .string()
  .trim()
  .min(1, "brand must not be empty")
  .max(60, "brand must be at most 60 characters")
  .optional()
  .describe("A stored brand voice by name (set_brand_voice); default: the default brand voice, if any");

/** At most this many tags are kept (more are dropped, not refused). */
export const MAX_TAGS = 10;

/**
 * The search fields every kind's copy has. The bounds only stop runaways; the limits that matter
 * (SEO_LIMITS) are checks, so an over-long title is asked for again rather than refused.
 */
export const searchCopyFields = (tagsAre: string) => ({
  seo_title: z
    .string()
    .trim()
    .min(1, "seo_title must not be empty")
    .max(150, `seo_title must be at most 150 characters (aim for ${SEO_LIMITS.seo_title})`)
    .describe(`Page title for search engines: aim for at most ${SEO_LIMITS.seo_title} characters`),
  seo_description: z
    .string()
    .trim()
    .min(1, "seo_description must not be empty")
    .max(400, `seo_description must be at most 400 characters (aim for ${SEO_LIMITS.seo_description})`)
    .describe(`Meta description: aim for at most ${SEO_LIMITS.seo_description} characters`),
  tags: z
    .array(z.string().trim().min(1, "a tag must not be empty").max(50, "a tag must be at most 50 characters"))
    .min(1, "give at least one tag")
    .max(MAX_TAGS * 2, `give at most ${MAX_TAGS} tags`)
    .describe(`Up to ${MAX_TAGS} ${tagsAre}, lower case`),
});

export function normaliseTags(values: readonly string[], max: number): string[] {
  const tags = values.map((tag) => plainLine(tag).replace(/^#/, "").trim().toLowerCase()).filter(Boolean);
  return [...new Set(tags)].slice(0, max);
}

/** A record's title: what every create tool takes first. */
export const titleField = (max: number, describe: string) =>
  z
    .string()
    .trim()
    .min(1, "title must not be empty")
    .max(max, `title must be at most ${max} characters`)
    .describe(`${describe} (at most ${max} characters)`);

/** The fields that were given: an optional input left out is not stored as undefined. */
export function givenFields(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
