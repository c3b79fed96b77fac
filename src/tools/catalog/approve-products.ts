import { z } from "zod";
import { defineTool } from "../define-tool.ts";

export const approveProducts = defineTool({
  name: "approve_products",
  title: "Approve products",
  description:
    "Mark products' current copy as approved for the store: export_products writes approved products.",
  inputSchema: {
    ids: z.array(z.string().trim().min(1).max(100)).min(1).max(1000).describe("The products to approve"),
  },
  outputSchema: {
    approved: z.array(z.string()),
    notFound: z.array(z.string()).describe("No such product, or it has no copy yet"),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handle({ ids }, deps) {
    const unique = [...new Set(ids)];
    const approved = deps.store().setStatus("product", unique, "approved");
    const notFound = unique.filter((id) => !approved.includes(id));
    deps.resourcesChanged();
    return {
      structured: { approved, notFound },
      text:
        `Approved ${approved.length} products.` +
        (notFound.length > 0
          ? ` Not approved (no such product, or no copy yet): ${notFound.join(", ")}.`
          : ""),
    };
  },
});
