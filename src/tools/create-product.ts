import { z } from "zod";
import { productDescriptionBrief } from "../writing/product-description.ts";
import { defineTool } from "./define-tool.ts";
import { truncationNote } from "./notes.ts";
import { saveOrKeep } from "./save.ts";
import { LIMITS, productRecord, title } from "./schemas.ts";

export const createProduct = defineTool({
  name: "create_product",
  title: "Create product",
  description:
    "Store a product and have the client's model write its description (50-120 words) from the product " +
    "name and keywords. Returns the stored product with the description and the model that wrote it. The " +
    "client may ask the user to approve the request.",
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
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(input, deps, call) {
    const keywords = [...new Set(input.keywords)];
    // Open the store first: a broken data folder should fail before the user approves a request.
    const store = deps.store();
    const generation = await deps.sampler.generate(
      productDescriptionBrief({ title: input.title, keywords }),
      call,
    );
    const stored = saveOrKeep("description", generation.text, () =>
      store.createProduct({
        title: input.title,
        keywords,
        description: generation.text,
        model: generation.model,
        stopReason: generation.stopReason,
        route: generation.route,
      }),
    );
    deps.resourcesChanged();
    deps.logger.info(`Stored product ${stored.id}`);
    return {
      structured: { product: stored, truncated: generation.truncated },
      text:
        `Created product "${stored.title}" (id ${stored.id}, copydesk://products/${stored.id}).\n\n` +
        `Description, written by ${stored.model}:\n${stored.description}${truncationNote(generation.truncated, "description")}`,
    };
  },
});
