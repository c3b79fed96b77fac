import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { DRAFT } from "./host-model.ts";
import { nextCursor, pageInput, productRecord } from "./schemas.ts";

export const listProducts = defineTool({
  name: "list_products",
  title: "List products",
  description: "List stored products, newest first, with their keywords and descriptions.",
  inputSchema: pageInput,
  outputSchema: { products: z.array(productRecord), nextCursor },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ limit, cursor }, deps) {
    const page = deps.store().listProducts({ limit, cursor });
    const products = [...page.items];
    const lines = products.map(
      (p) => `- ${p.title} (id ${p.id}; ${p.keywords.join(", ")}): ${p.description ?? DRAFT}`,
    );
    return {
      structured: page.nextCursor ? { products, nextCursor: page.nextCursor } : { products },
      text:
        (lines.length > 0 ? lines.join("\n") : "No products yet: create one with create_product.") +
        (page.nextCursor ? `\n\nMore products: call again with cursor "${page.nextCursor}".` : ""),
    };
  },
});
