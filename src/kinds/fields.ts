import { z } from "zod";
import { canonicalLanguage, languageTag } from "../copy/language-tag.ts";
import { LENGTH_PATTERN, TONE_PRESETS } from "../writing/copy-settings.ts";

/** Input fields more than one kind takes, bounded and described once. */

export const language = languageTag("language")
  .transform((tag) => canonicalLanguage(tag) ?? tag)
  .optional()
  .describe(
    "Language to write in, as a BCP 47 tag (e.g. de, fr-CA); default: the brand voice's, else the title's",
  );

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

/** Words in prose, for lists of changes. */
export const tags = (max: number) =>
  z
    .array(z.string().trim().min(1, "a tag must not be empty").max(50, "a tag must be at most 50 characters"))
    .min(1, "give at least one tag")
    .max(max * 2, `give at most ${max} tags`);

export function normaliseTags(values: readonly string[], max: number): string[] {
  const tags = values.map((tag) => tag.replace(/^#/, "").trim().toLowerCase()).filter(Boolean);
  return [...new Set(tags)].slice(0, max);
}
