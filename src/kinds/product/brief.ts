import { SEO_LIMITS } from "../../checks/seo-limits.ts";
import { FALLBACK_LANGUAGE } from "../../text/language-choice.ts";
import { brandVoicePrompt } from "../brand-voice.ts";
import type { CopyBriefOptions, WritingBrief } from "../brief.ts";
import { languageLine, lengthRange, revisionBlock, toneLine } from "../copy-settings.ts";
import { DATA_NOT_INSTRUCTIONS, delimit } from "../delimit.ts";

export interface ProductBriefInput {
  readonly title: string;
  readonly keywords: readonly string[];
  readonly facts?: Readonly<Record<string, string>>;
  readonly category?: string;
  readonly audience?: string;
  readonly tone?: string;
  readonly length?: string;
  readonly existing_description?: string;
}

const EXAMPLE = {
  description:
    "Slow mornings deserve a cup that keeps up. This stoneware mug holds your coffee warm while you read, " +
    "and its wide handle sits comfortably in the hand.\n\nThe glaze is dishwasher-safe, so it goes from " +
    "breakfast table to rack without a second thought.",
  short_description: "A stoneware mug with a wide handle that keeps coffee warm through slow mornings.",
  bullets: ["Glazed stoneware that keeps drinks warm", "Wide, comfortable handle", "Dishwasher-safe"],
  seo_title: "Stoneware Coffee Mug with Wide Handle",
  seo_description:
    "A glazed stoneware mug that keeps coffee warm, with a wide handle and a dishwasher-safe finish.",
  tags: ["mug", "stoneware", "coffee", "kitchen"],
};

/** The shape the model fills in; also what the calling model is given on the host-model route. */
export const PRODUCT_COPY_SHAPE = [
  "{",
  '  "description": string,        // plain prose paragraphs separated by a blank line; no HTML, no Markdown',
  '  "short_description": string,  // 1-2 sentences shown beside the price',
  '  "bullets": string[],          // 3-6 short feature lines, no leading dash',
  `  "seo_title": string,          // at most ${SEO_LIMITS.seo_title} characters; the product and its main benefit; no shop name`,
  `  "seo_description": string,    // at most ${SEO_LIMITS.seo_description} characters; a meta description that invites the click`,
  '  "tags": string[]              // 3-10 lower-case tags for the shop\'s filters',
  "}",
].join("\n");

/** The same for every product, so a provider's prompt cache covers it: the brand voice follows it. */
const SYSTEM_PROMPT = [
  "You are a copywriter for an online shop. You write a product's copy as one JSON object of this shape:",
  PRODUCT_COPY_SHAPE,
  "Work every keyword in naturally: a keyword counts when its words occur in one sentence, in any order, " +
    "inflected, with up to three other words among them; a number may be written as a word (three for 3) " +
    "and an amount in another unit (0.75 l for 750 ml). " +
    "State only specifications (sizes, capacities, weights, materials, " +
    "durations, certifications, prices) that the product's name, keywords, facts or existing description " +
    "give; never invent one. If an image is attached, describe only what is visible in it.",
  DATA_NOT_INSTRUCTIONS,
  "Reply with the JSON object only: no preamble, no code fence, no notes.",
  `Example, for another product:\n${JSON.stringify(EXAMPLE)}`,
].join("\n\n");

export function productCopyBrief(product: ProductBriefInput, options: CopyBriefOptions): WritingBrief {
  const range = lengthRange(product.length, "medium");
  const settings = [
    languageLine(options.language ?? FALLBACK_LANGUAGE),
    `Length: the description has ${range.min}-${range.max} words.`,
    toneLine(product.tone),
  ].filter(Boolean);
  const facts = Object.entries(product.facts ?? {});
  const material = [
    delimit("product_name", product.title),
    delimit("keywords", product.keywords.map((k) => `- ${k}`).join("\n")),
    facts.length > 0 ? delimit("facts", facts.map(([name, value]) => `- ${name}: ${value}`).join("\n")) : "",
    product.category ? delimit("category", product.category) : "",
    product.audience ? delimit("audience", product.audience) : "",
    product.existing_description
      ? `Rewrite this existing description rather than starting from nothing; keep its facts.\n${delimit("existing_description", product.existing_description)}`
      : "",
    options.image ? "The attached image shows the product." : "",
    !options.image && options.imageSource
      ? `The product's image is at ${options.imageSource}: look at it if you can.`
      : "",
  ].filter(Boolean);
  return {
    label: "product copy",
    systemPrompt: options.brand ? `${SYSTEM_PROMPT}\n\n${brandVoicePrompt(options.brand)}` : SYSTEM_PROMPT,
    userPrompt: [
      options.revision ? "Revise the copy for this product." : "Write the copy for this product.",
      settings.join("\n"),
      ...material,
      ...revisionBlock(options.revision),
    ].join("\n\n"),
    maxTokens: 600 + range.max * 4,
    temperature: 0.7,
    ...(options.image ? { image: options.image } : {}),
  };
}
