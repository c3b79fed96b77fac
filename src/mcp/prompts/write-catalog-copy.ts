import { z } from "zod";
import { productKind } from "../../kinds/product/kind.ts";
import { definePrompt } from "./define-prompt.ts";
import { styleArguments, styleInstructions } from "./shared-arguments.ts";

export const writeCatalogCopy = definePrompt({
  name: "write_catalog_copy",
  title: "Write copy for a catalog",
  description:
    "Write and store copy for a list of products as one catalog job (import_products, then write_catalog), and report what was written.",
  arguments: (deps) => ({
    products: z
      .string()
      .describe(
        "The products, one per line as name: keywords, e.g. Ceramic pour-over mug: red, dishwasher-safe, 350 ml",
      ),
    ...styleArguments(deps),
  }),
  message: ({ products, ...style }) => `Write catalog copy with copydesk for the products below, as one job:
1. Turn the list into CSV text with a header "title,keywords" (one row per product: the name, then what follows the colon as keywords, quoted; if a line has no keywords, pick 2-5 from its name) and call import_products with it as csv_text.
2. Call write_catalog with selection {"import_id": <the import's id>}${style.brand_voice?.trim() ? ", brand" : ""}${style.tone?.trim() ? ", tone" : ""}${style.language?.trim() ? ", language" : ""} as given below.
3. If write_catalog hands you a page of briefs instead of writing, write each product's copy as the instructions say, save the page with ${productKind.tools.saveCopy} (job_id and items), and call resume_job for the next page until the job is done.
${styleInstructions(style)}
When the job is done, show a table: product, id, status and the first sentence of its description, and list any that failed with the reason.

Products:
${products.trim()}`,
});
