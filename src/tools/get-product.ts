import { defineTool } from "./define-tool.ts";
import { NotFoundError } from "./failures.ts";
import { productRecord, recordId } from "./schemas.ts";

export const getProduct = defineTool({
  name: "get_product",
  title: "Get product",
  description: "Get one stored product by id: name, keywords, description and the model that wrote it.",
  inputSchema: {
    id: recordId("id").describe("The product's id, as returned by create_product or list_products"),
  },
  outputSchema: { product: productRecord },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ id }, deps) {
    const found = deps.store().getProduct(id);
    if (!found) throw new NotFoundError(`There is no product with id "${id}". list_products shows the ids.`);
    return {
      structured: { product: found },
      text: `${found.title} (id ${found.id}, written by ${found.model}, ${found.createdAt})\nKeywords: ${found.keywords.join(", ")}\n\n${found.description}`,
    };
  },
});
