import { z } from "zod";
import { productDescriptionBrief } from "../writing/product-description.ts";
import { defineTool } from "./define-tool.ts";
import { pendingSchema } from "./host-model.ts";
import { PRODUCT } from "./record-kinds.ts";
import { LIMITS, productRecord, title } from "./schemas.ts";
import { withPending, writeAndStore } from "./write-and-store.ts";

export const createProduct = defineTool({
  name: "create_product",
  title: "Create product",
  description:
    "Store a product and get its description (50-120 words) written from the name and keywords: by the " +
    "client's model through sampling (the client may ask the user to approve), or by a configured provider. " +
    "If neither can write, the product is stored as a draft and the result is a brief: write the description " +
    "yourself and save it with save_product_description.",
  inputSchema: {
    title: title("title").describe(`The product's name (at most ${LIMITS.title} characters)`),
    keywords: z
      .array(
        z
          .string()
          .trim()
          .min(1, "a keyword must not be empty")
          .max(LIMITS.keyword, `each keyword must be at most ${LIMITS.keyword} characters`),
      )
      .min(1, "give at least one keyword")
      .max(LIMITS.keywords, `give at most ${LIMITS.keywords} keywords`)
      .describe(
        `Features, materials, audience or selling points to work in, e.g. ["red", "dishwasher-safe", "350 ml"] (1-${LIMITS.keywords})`,
      ),
  },
  outputSchema: {
    product: productRecord.describe("The stored product"),
    truncated: z
      .boolean()
      .describe("True when the model hit its token limit and the description may be cut off"),
    pending: pendingSchema.optional(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(input, deps, call) {
    const product = { title: input.title, keywords: [...new Set(input.keywords)] };
    const written = await writeAndStore({
      kind: PRODUCT,
      brief: productDescriptionBrief(product),
      deps,
      call,
      insert: (store, description, provenance) =>
        store.createProduct({ ...product, description, ...provenance }),
    });
    return {
      structured: withPending({ product: written.record, truncated: written.truncated }, written),
      text: written.text,
    };
  },
});
