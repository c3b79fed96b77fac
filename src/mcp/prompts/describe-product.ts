import { z } from "zod";
import { productKind } from "../../kinds/product/kind.ts";
import { definePrompt } from "./define-prompt.ts";
import { recordTitleArgument } from "./record-title.ts";
import { styleArguments, styleInstructions } from "./shared-arguments.ts";

const { create, saveCopy } = productKind.tools;

export const describeProduct = definePrompt({
  name: "describe_product",
  title: "Describe a product",
  description: `Write and store a product description (50-120 words) from the product's name and keywords, with ${create}.`,
  arguments: (deps) => ({
    title: recordTitleArgument(
      productKind,
      "The product's name, e.g. Ceramic pour-over mug (completes stored products' names)",
      deps,
    ),
    keywords: z
      .string()
      .describe(
        "Features, materials, audience or selling points, separated by commas, e.g. red, dishwasher-safe, 350 ml",
      ),
    ...styleArguments(deps),
  }),
  message: ({ title, keywords, ...style }) =>
    `Write a product description with copydesk. Call the ${create} tool with:
- title: ${JSON.stringify(title.trim())}
- keywords: ${JSON.stringify(splitList(keywords))}
${styleInstructions(style)}
If ${create} returns a brief instead of the copy, write the copy as the JSON object the brief describes and save it with ${saveCopy}. Then show me the stored description, its SEO title and any checks that still fail.`,
});

/** "red, dishwasher-safe; 350 ml" -> ["red", "dishwasher-safe", "350 ml"] */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
