import { z } from "zod";
import { approvalText, approveCopy } from "../../../services/approve-copy.ts";
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
    const result = approveCopy(deps.store(), { ids });
    deps.resourcesChanged();
    return {
      structured: { approved: [...result.approved], notFound: [...result.notFound] },
      text: approvalText(result),
    };
  },
});
