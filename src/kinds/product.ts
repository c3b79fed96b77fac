import { z } from "zod";
import { missingFieldsCheck, runChecks } from "../checks/index.ts";
import { cleanReply as cleanProse } from "../text/clean-reply.ts";
import { slugify } from "../text/handle.ts";
import { sanitizeHtml, textToHtml } from "../text/html.ts";
import { plainLine, plainText } from "../text/plain-text.ts";
import { lengthRange } from "./copy-settings.ts";
import type { ProductCopy } from "./copy-types.ts";
import {
  brand,
  givenFields,
  language,
  languageSourceField,
  length,
  MAX_TAGS,
  normaliseTags,
  searchCopyFields,
  titleField,
  tone,
} from "./fields.ts";
import type { RecordKind } from "./kind.ts";
import { PRODUCT_COPY_SHAPE, productCopyBrief } from "./product-copy.ts";

const LIMITS = { title: 200, keywords: 25, keyword: 60, facts: 30, existing: 10_000 } as const;

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

const imageInput = z
  .string()
  .trim()
  .min(1, "image must not be empty")
  .max(7_000_000, "image is too long: give a file path or URL instead of a data: URL over 5 MB")
  .optional()
  .describe(
    "A product photo the model should look at: a local file path, a data: URL or an http(s) URL (PNG, JPEG, GIF or WebP, at most 5 MB)",
  );

const storedImage = z
  .object({
    source: z.string().describe("Where the image came from (a data: URL is shown shortened)"),
    sha256: z.string().describe("SHA-256 of the image's bytes"),
    mimeType: z.string(),
  })
  .describe("The product's image");

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

const copyInput = z.object({
  ...copyFields,
  description_html: z
    .string()
    .max(20_000, "description_html must be at most 20000 characters")
    .optional()
    .describe("The description as HTML (p, ul, li, strong, em only); made from the text when omitted"),
});

const copyOutput = z.object({
  description: z.string(),
  description_html: z.string().describe("The description as safe HTML: p, ul/li, strong, em; no attributes"),
  short_description: z.string(),
  bullets: z.array(z.string()),
  seo_title: z.string(),
  seo_description: z.string(),
  tags: z.array(z.string()),
});

interface ProductInput {
  readonly keywords: string[];
  readonly facts?: Record<string, string>;
  readonly category?: string;
  readonly audience?: string;
  readonly language?: string;
  readonly tone?: string;
  readonly length?: string;
  readonly brand?: string;
  readonly existing_description?: string;
  readonly image?: z.infer<typeof storedImage>;
}

const MISSING_FILL = "write them and save with save_product_copy, or revise_product to have them written";

const inputOf = (record: { input: Readonly<Record<string, unknown>> }) =>
  record.input as unknown as ProductInput;

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .optional();

export const PRODUCT: RecordKind<ProductCopy> = {
  name: "product",
  noun: "product",
  plural: "products",
  key: "product",
  listKey: "products",
  languageFrom: "catalog",
  mainField: "description",
  tools: {
    create: "create_product",
    get: "get_product",
    list: "list_products",
    saveCopy: "save_product_copy",
    revise: "revise_product",
    versions: "list_product_versions",
    restore: "restore_product_version",
  },
  legacySave: {
    name: "save_product_description",
    title: "Save product description",
    description:
      "Save a description you wrote for a stored product, as its new version (its other copy fields are kept). " +
      "To save every field at once, use save_product_copy.",
  },
  create: {
    title: "Create product",
    description:
      "Store a product and get its copy written from the name and keywords: a description (plain and HTML), a " +
      "short description, 3-6 bullets, an SEO title and meta description, tags and a URL handle, in the shop's " +
      "language and brand voice, checked for keywords, length, limits, banned words and invented " +
      "specifications. Written by the client's model through sampling (the client may ask the user to " +
      "approve), or by a configured provider. If neither can write, the product is stored as a draft and the " +
      "result is a brief: write the copy yourself and save it with save_product_copy.",
    input: {
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
      image: imageInput,
    },
  },
  recordFrom(input) {
    const {
      title,
      keywords: given,
      image: _image,
      ...rest
    } = input as { title: string; keywords: string[] } & Record<string, unknown>;
    const stored = givenFields(rest);
    return { title, handle: slugify(title), input: { keywords: [...new Set(given)], ...stored } };
  },
  copyInput,
  copyOutput,
  copyShape: PRODUCT_COPY_SHAPE,
  finish(parsed) {
    const copy = parsed as z.infer<typeof copyInput>;
    const description = plainText(cleanProse(copy.description));
    const bullets = copy.bullets.map((line) =>
      plainLine(line)
        .replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, "")
        .trim(),
    );
    return {
      description,
      description_html:
        copy.description_html === undefined
          ? textToHtml(description, bullets)
          : sanitizeHtml(copy.description_html),
      short_description: plainLine(cleanProse(copy.short_description)),
      bullets,
      seo_title: plainLine(copy.seo_title),
      seo_description: plainLine(copy.seo_description),
      tags: normaliseTags(copy.tags, MAX_TAGS),
    };
  },
  show: ({ description_html: _html, ...copy }) => JSON.stringify(copy),
  withMainText(copy, text) {
    const base = copy ?? {
      description: "",
      description_html: "",
      short_description: "",
      bullets: [],
      seo_title: "",
      seo_description: "",
      tags: [],
    };
    const description = plainText(text);
    return { ...base, description, description_html: textToHtml(description, base.bullets) };
  },
  brief(record, options) {
    return productCopyBrief({ title: record.title, ...inputOf(record) }, options);
  },
  checks(copy, record, context) {
    const input = inputOf(record);
    const sources: Record<string, string> = { ...input.facts };
    if (input.category) sources.category = input.category;
    if (input.audience) sources.audience = input.audience;
    if (input.existing_description) sources["existing description"] = input.existing_description;
    const { description_html: _html, ...fields } = copy;
    const missing = missingFieldsCheck(fields, MISSING_FILL);
    const checks = runChecks(
      {
        body: copy.description,
        texts: [
          copy.description,
          copy.short_description,
          ...copy.bullets,
          copy.seo_title,
          copy.seo_description,
        ],
        tags: copy.tags,
        seoTitle: copy.seo_title,
        seoDescription: copy.seo_description,
      },
      {
        title: record.title,
        keywords: input.keywords,
        facts: sources,
        length: lengthRange(input.length, "medium"),
        bannedWords: context.brand?.bannedWords ?? [],
        language: context.language,
        languageSource: context.languageSource,
      },
    );
    return missing ? [...checks, missing] : checks;
  },
  recordFields: {
    handle: z.string().describe("URL handle, unique among stored products, made from the title"),
    keywords: z.array(z.string()),
    facts: z.record(z.string(), z.string()).optional(),
    category: z.string().optional(),
    audience: z.string().optional(),
    language: z
      .string()
      .optional()
      .describe("The language the copy is written in (BCP 47), as language_source chose it"),
    language_source: languageSourceField,
    tone: z.string().optional(),
    length: z.string().optional(),
    brand: z.string().optional().describe("The brand voice asked for by name"),
    existing_description: z.string().optional(),
    image: storedImage.optional(),
  },
  present(record, full) {
    const { existing_description, ...input } = inputOf(record);
    return {
      handle: record.handle ?? "",
      ...input,
      ...(full && existing_description ? { existing_description } : {}),
    };
  },
  describe(record) {
    const input = inputOf(record);
    return [
      `Handle: ${record.handle}`,
      `Keywords: ${input.keywords.join(", ")}`,
      ...(input.facts
        ? [
            `Facts: ${Object.entries(input.facts)
              .map(([k, v]) => `${k}: ${v}`)
              .join("; ")}`,
          ]
        : []),
      ...(input.image ? [`Image: ${input.image.source} (sha256 ${input.image.sha256.slice(0, 12)}…)`] : []),
    ];
  },
};
