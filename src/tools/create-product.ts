import { z } from "zod";
import { productDescriptionBrief } from "../writing/product-description.ts";
import { defineTool } from "./define-tool.ts";
import { pendingFor, pendingSchema, writingBriefText } from "./host-model.ts";
import { truncationNote } from "./notes.ts";
import { saveOrKeep } from "./save.ts";
import { LIMITS, productRecord, title } from "./schemas.ts";

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
    // Open the store first: a broken data folder should fail before the user approves a request.
    const store = deps.store();
    const product = { title: input.title, keywords: [...new Set(input.keywords)] };
    const brief = productDescriptionBrief(product);
    const outcome = await deps.writer.write(brief, call);
    if (outcome.kind === "host-model") {
      const draft = store.createProduct({
        ...product,
        description: null,
        model: null,
        stopReason: null,
        route: "host-model",
      });
      deps.resourcesChanged();
      deps.logger.info(
        `Stored draft product ${draft.id}: ${outcome.reason}; the calling model writes the description`,
      );
      const handOff = { what: "description", id: draft.id, saveWith: "save_product_description", brief };
      return {
        structured: { product: draft, truncated: false, pending: pendingFor(handOff) },
        text: `Saved product "${draft.title}" as a draft (id ${draft.id}): ${outcome.reason}.\n\n${writingBriefText(handOff)}`,
      };
    }
    const { generation } = outcome;
    const stored = saveOrKeep("description", generation.text, () =>
      store.createProduct({
        ...product,
        description: generation.text,
        model: generation.model,
        stopReason: generation.stopReason,
        route: generation.route,
      }),
    );
    deps.resourcesChanged();
    deps.logger.debug(`Stored product ${stored.id}`);
    return {
      structured: { product: stored, truncated: generation.truncated },
      text:
        `Created product "${stored.title}" (id ${stored.id}, copydesk://products/${stored.id}).\n\n` +
        `Description, written by ${stored.model}:\n${stored.description}${truncationNote(generation.truncated, "description")}`,
    };
  },
});
