import { productDescriptionBrief } from "../writing/product-description.ts";
import { defineTool } from "./define-tool.ts";
import { NotFoundError } from "./failures.ts";
import { writingBriefText } from "./host-model.ts";
import { PRODUCT } from "./record-kinds.ts";
import { productRecord, recordId } from "./schemas.ts";

export const getProduct = defineTool({
  name: "get_product",
  title: "Get product",
  description:
    "Get one stored product by id: name, keywords, description and the model that wrote it. For a draft, " +
    "also the brief for writing its description.",
  inputSchema: {
    id: recordId("id").describe("The product's id, as returned by create_product or list_products"),
  },
  outputSchema: { product: productRecord },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ id }, deps) {
    const found = deps.store().getProduct(id);
    if (!found) throw new NotFoundError(`There is no product with id "${id}". list_products shows the ids.`);
    const description =
      found.description === null
        ? `Draft: no description yet.\n\n${writingBriefText({ what: PRODUCT.what, id: found.id, saveWith: PRODUCT.saveWith, brief: productDescriptionBrief(found) }, "when asked")}`
        : `Description (written by ${found.model}):\n${found.description}`;
    return {
      structured: { product: found },
      text: `${found.title} (id ${found.id}, ${found.createdAt})\nKeywords: ${found.keywords.join(", ")}\n\n${description}`,
    };
  },
});
