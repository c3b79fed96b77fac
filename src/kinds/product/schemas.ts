import { z } from "zod";
import {
  brand,
  commonRecordFields,
  commonStoredFields,
  imageField,
  language,
  length,
  searchCopyFields,
  storedImage,
  titleField,
  tone,
} from "../fields.ts";

/** A product's fields as create_product takes them, as the store keeps them and as tools return them. */

export const LIMITS = { title: 200, keywords: 25, keyword: 60, facts: 30, existing: 10_000 } as const;

const keywords = z
  .array(
    z
      .string()
      .trim()
      .min(1, "a keyword must not be empty")
      .max(LIMITS.keyword, `each keyword must be at most ${LIMITS.keyword} characters`),
  )
  .min(1, "give at least one keyword")
  .max(LIMITS.keywords, `give at most ${LIMITS.keywords} keywords`);

const facts = z
  .record(
    z
      .string()
      .trim()
      .min(1, "a fact's name must not be empty")
      .max(60, "a fact's name must be at most 60 characters"),
    z.string().trim().min(1, "a fact must not be empty").max(300, "a fact must be at most 300 characters"),
  )
  .refine((value) => Object.keys(value).length <= LIMITS.facts, `give at most ${LIMITS.facts} facts`);

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .optional();

/** create_product's input. */
export const createInput = {
  title: titleField(LIMITS.title, "The product's name"),
  keywords: keywords.describe(
    `Features, materials, audience or selling points to work in, e.g. ["red", "dishwasher-safe", "350 ml"] (1-${LIMITS.keywords})`,
  ),
  facts: facts
    .optional()
    .describe(
      'Specifications as name to value, e.g. {"capacity": "350 ml", "material": "stoneware"}: the only ones the copy may state (at most 30)',
    ),
  category: optionalText(120, "category").describe("The product's category, e.g. Kitchen > Mugs"),
  audience: optionalText(200, "audience").describe("Who it is for, e.g. home baristas"),
  language,
  tone,
  length,
  brand,
  existing_description: optionalText(LIMITS.existing, "existing_description").describe(
    `A description to rewrite rather than write from nothing (at most ${LIMITS.existing} characters)`,
  ),
  image: imageField
    .optional()
    .describe(
      "A product photo the model should look at: a local file path, a data: URL or an http(s) URL (PNG, JPEG, GIF or WebP, at most 5 MB)",
    ),
};

/** What the store keeps for a product (an imported one may have no keywords yet). */
export const storedInput = z.object({
  keywords: z.array(z.string()),
  facts: z.record(z.string(), z.string()).optional(),
  category: z.string().optional(),
  audience: z.string().optional(),
  length: z.string().optional(),
  existing_description: z.string().optional(),
  ...commonStoredFields,
});

export type ProductInput = z.output<typeof storedInput>;

/** A product's own fields in tool results. */
export const recordFields = {
  handle: z.string().describe("URL handle, unique among stored products, made from the title"),
  keywords: z.array(z.string()),
  facts: z.record(z.string(), z.string()).optional(),
  category: z.string().optional(),
  audience: z.string().optional(),
  language: commonRecordFields.language,
  language_source: commonRecordFields.language_source,
  tone: commonRecordFields.tone,
  length: z.string().optional(),
  brand: commonRecordFields.brand,
  existing_description: z.string().optional(),
  image: storedImage.describe("The product's image").optional(),
};

const copyFields = {
  description: z
    .string()
    .trim()
    .min(1, "description must not be empty")
    .max(6000, "description must be at most 6000 characters")
    .describe("The description as plain paragraphs, separated by a blank line"),
  short_description: z
    .string()
    .trim()
    .min(1, "short_description must not be empty")
    .max(600, "short_description must be at most 600 characters")
    .describe("1-2 sentences for beside the price"),
  bullets: z
    .array(
      z
        .string()
        .trim()
        .min(1, "a bullet must not be empty")
        .max(200, "a bullet must be at most 200 characters"),
    )
    .min(3, "give 3 to 6 bullets")
    .max(6, "give 3 to 6 bullets")
    .describe("3-6 short feature lines"),
  ...searchCopyFields("tags for the shop's filters"),
};

/** The copy as a model or a caller writes it. */
export const copyInput = z.object({
  ...copyFields,
  description_html: z
    .string()
    .max(20_000, "description_html must be at most 20000 characters")
    .optional()
    .describe("The description as HTML (p, ul, li, strong, em only); made from the text when omitted"),
});

/** The copy as stored and returned. */
export const copyOutput = z.object({
  description: z.string(),
  description_html: z.string().describe("The description as safe HTML: p, ul/li, strong, em; no attributes"),
  short_description: z.string(),
  bullets: z.array(z.string()),
  seo_title: z.string(),
  seo_description: z.string(),
  tags: z.array(z.string()),
});
