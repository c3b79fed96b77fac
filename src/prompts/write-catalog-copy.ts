import { z } from "zod";
import { definePrompt } from "./define-prompt.ts";
import { styleArguments, styleInstructions } from "./shared-arguments.ts";

export const writeCatalogCopy = definePrompt({
  name: "write_catalog_copy",
  title: "Write copy for a catalog",
  description:
    "Write and store descriptions for a list of products, one create_product call per product, and report what was stored.",
  arguments: (deps) => ({
    products: z
      .string()
      .describe(
        "The products, one per line as name: keywords, e.g. Ceramic pour-over mug: red, dishwasher-safe, 350 ml",
      ),
    ...styleArguments(deps),
  }),
  // copydesk has no catalog import yet: the calling model walks the list with the tool it has.
  message: ({
    products,
    ...style
  }) => `Write catalog copy with copydesk for the products below. Go through them in order and call the create_product tool once per product: the product's name as title, and what follows the colon, split at commas, as keywords (if a line has no keywords, pick 2-5 from its name). Do not skip or merge products; if a call fails, say why and go on with the next.
${styleInstructions(style)}
If create_product returns a brief instead of a description, write it as the brief says and save it with save_product_description before the next product.

When all are done, show a table: product, id, and the first sentence of its description, and list any that failed.

Products:
${products.trim()}`,
});
