import { resolve } from "node:path";
import { z } from "zod";
import { exportProducts as exportCatalog } from "../../pipeline/export-products.ts";
import { RECORD_STATUSES } from "../../store/records.ts";
import { count } from "../../text/count.ts";
import { defineTool } from "../define-tool.ts";
import { TextRejectedError } from "../failures.ts";

export const exportProducts = defineTool({
  name: "export_products",
  title: "Export products",
  description:
    "Write the products' copy to a file the store imports: the imported Shopify or WooCommerce file with only " +
    "the copy columns changed (Description/Body (HTML), SEO title and description, or Description and Short " +
    "description; Tags only if asked) and every other cell as it was, plus products made in copydesk in the " +
    "same layout. Approved products only unless asked. Written atomically; never over the imported file unless asked.",
  inputSchema: {
    format: z
      .enum(["shopify", "woocommerce", "csv", "jsonl"])
      .describe("The store's layout, or a plain CSV or JSON Lines"),
    path: z.string().trim().min(1).max(4096).describe("The file to write, on this machine"),
    include: z
      .array(z.enum(RECORD_STATUSES))
      .min(1)
      .optional()
      .describe('Statuses to export; default ["approved"]. Add "written" to export copy nobody approved yet'),
    import_id: z
      .string()
      .max(100)
      .optional()
      .describe("The import to write back; default the newest of this format"),
    tags: z
      .boolean()
      .optional()
      .describe("Also write tags (off by default: they drive the store's collections)"),
    overwrite_source: z.boolean().optional().describe("Allow writing over the file that was imported"),
  },
  outputSchema: {
    export: z.object({
      path: z.string(),
      dialect: z.string(),
      importId: z.string().nullable(),
      rows: z.number().int(),
      products: z.number().int(),
      added: z.number().int(),
      bytes: z.number().int(),
      fieldsWithoutColumn: z.array(z.string()),
    }),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle(input, deps) {
    if (!deps.localFiles) throw new TextRejectedError("Over HTTP copydesk writes no files by path.");
    const path = resolve(input.path);
    const result = await exportCatalog(deps.store(), {
      format: input.format,
      path,
      include: input.include,
      importId: input.import_id,
      tags: input.tags,
      overwriteSource: input.overwrite_source,
    });
    deps.resourcesChanged();
    return {
      structured: { export: { ...result, fieldsWithoutColumn: [...result.fieldsWithoutColumn] } },
      text:
        `Wrote ${path}: ${count(result.products, "product's", "products'")} copy (${result.added} of them new rows) in ${count(result.rows, "row")}, ` +
        `${result.dialect}${result.importId ? `, from import ${result.importId}` : ""}.` +
        (result.products === 0
          ? " No product had the statuses asked for: approve_products first, or include written."
          : ""),
    };
  },
});
