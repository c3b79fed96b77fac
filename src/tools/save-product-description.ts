import { cleanReply } from "../sampling/clean-reply.ts";
import { defineTool } from "./define-tool.ts";
import { NotFoundError, TextRejectedError } from "./failures.ts";
import { HOST_MODEL_UNREPORTED } from "./host-model.ts";
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
    const text = cleanReply(description);
    if (text === "") {
      throw new TextRejectedError(
        "The description is empty once its preamble is removed: send the description itself.",
      );
    }
    const saved = deps.store().saveDescription(id, text, {
      model: model || HOST_MODEL_UNREPORTED,
      stopReason: null,
      route: "host-model",
    });
    if (!saved) throw new NotFoundError(`There is no product with id "${id}". list_products shows the ids.`);
    deps.resourcesChanged();
    deps.logger.debug(`Saved the description of product ${saved.id}`);
    return {
      structured: { product: saved },
      text: `Saved the description of "${saved.title}" (id ${saved.id}, copydesk://products/${saved.id}):\n${saved.description}`,
    };
  },
});
