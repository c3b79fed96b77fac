import { defineTool } from "./define-tool.ts";
import { PRODUCT } from "./record-kinds.ts";
import { saveWrittenText } from "./save-written-text.ts";
import { LIMITS, productRecord, recordId, reportedModel, writtenText } from "./schemas.ts";

export const saveProductDescription = defineTool({
  name: "save_product_description",
  title: "Save product description",
  description:
    "Save a description you wrote for a stored product: completes a draft left by create_product when no " +
    "model could be asked, or replaces an existing description.",
  inputSchema: {
    id: recordId("id").describe("The product's id, as returned by create_product or list_products"),
    description: writtenText("description").describe(
      `The description, text only (at most ${LIMITS.writtenText} characters)`,
    ),
    model: reportedModel,
  },
  outputSchema: { product: productRecord },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle({ id, description, model }, deps) {
    const saved = saveWrittenText({
      kind: PRODUCT,
      id,
      text: description,
      model,
      deps,
      save: (store, productId, text, provenance) => store.saveDescription(productId, text, provenance),
    });
    return { structured: { product: saved.record }, text: saved.text };
  },
});
