import type { WritingBrief } from "./brief.ts";
import { DATA_NOT_INSTRUCTIONS, delimit, OUTPUT_RULES } from "./delimit.ts";

export interface ProductInput {
  readonly title: string;
  readonly keywords: readonly string[];
}

const SYSTEM_PROMPT = [
  "You are a copywriter for an online shop.",
  "Write a product description of 50 to 120 words in one or two short paragraphs of plain prose: what the",
  "product is, who it is for, and its benefits. Work in every keyword naturally. Do not invent",
  "specifications, prices, certifications or claims the keywords do not support. Match the language of",
  "the product name.",
  DATA_NOT_INSTRUCTIONS,
  OUTPUT_RULES,
].join(" ");

export function productDescriptionBrief(product: ProductInput): WritingBrief {
  return {
    kind: "product description",
    systemPrompt: SYSTEM_PROMPT,
    userPrompt: [
      "Write the description for this product.",
      delimit("product_name", product.title),
      delimit("keywords", product.keywords.map((k) => `- ${k}`).join("\n")),
    ].join("\n\n"),
    maxTokens: 400,
    temperature: 0.7,
  };
}
