import type { z } from "zod";
import { missingFieldsCheck, runChecks } from "../../checks/index.ts";
import { cleanReply as cleanProse } from "../../text/clean-reply.ts";
import { slugify } from "../../text/handle.ts";
import { sanitizeHtml, textToHtml } from "../../text/html.ts";
import { plainLine, plainText } from "../../text/plain-text.ts";
import { lengthRange } from "../copy-settings.ts";
import { givenFields, MAX_TAGS, normaliseTags } from "../fields.ts";
import type { RecordKind } from "../kind.ts";
import { storedInputReader, unreadableLines } from "../stored-input.ts";
import { PRODUCT_COPY_SHAPE, productCopyBrief } from "./brief.ts";
import type { ProductCopy } from "./copy.ts";
import {
  copyInput,
  copyOutput,
  createInput,
  type ProductInput,
  recordFields,
  storedInput,
} from "./schemas.ts";

const MISSING_FILL = "write them and save with save_product_copy, or revise_product to have them written";

/** Fills what an old product cannot do without: a product always has keywords, perhaps none. */
const readInput = storedInputReader(storedInput, { keywords: [] });
const inputOf = (record: { readonly input: unknown }) => readInput(record).input;

export const productKind: RecordKind<ProductCopy, ProductInput> = {
  name: "product",
  noun: "product",
  plural: "products",
  key: "product",
  listKey: "products",
  languageFrom: "catalog",
  fromStoreFiles: true,
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
    input: createInput,
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
  readInput,
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
  recordFields,
  present(record, full) {
    const { existing_description, ...input } = inputOf(record);
    return {
      handle: record.handle ?? "",
      ...input,
      ...(full && existing_description ? { existing_description } : {}),
    };
  },
  describe(record) {
    const { input, unreadable } = readInput(record);
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
      ...unreadableLines(unreadable),
    ];
  },
};
