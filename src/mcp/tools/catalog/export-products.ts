import { z } from "zod";
import { exportPath } from "../../../formats/export-target.ts";
import { exportCatalog } from "../../../services/export-catalog.ts";
import { exportSummary } from "../../../services/export-summary.ts";
import { TextRejectedError } from "../../../services/failures.ts";
import { RECORD_STATUSES } from "../../../store/records.ts";
import { defineTool } from "../define-tool.ts";

export const exportProducts = defineTool({
  name: "export_products",
  title: "Export products",
  description:
    "Write the products' copy to a file the store imports: the imported Shopify or WooCommerce file with only " +
    "the copy columns changed (Description/Body (HTML), SEO title and description, or Description and Short " +
    "description; Tags only if asked) and every other cell as it was, plus products made in copydesk in the " +
    "same layout. csv and jsonl take any import, one row or line per product with its imported fields. Each " +
    "product gets the newest copy a person let through (approved, or exported before), so exporting again never " +
    "writes old copy back; the others keep their imported cells unless include asks for their latest copy. " +
    "Written atomically, never inside copydesk's data folder. A file already there is replaced only if an " +
    "earlier export wrote it and nobody changed it since; any other file (and the imported one) only if asked.",
  inputSchema: {
    format: z
      .enum(["shopify", "woocommerce", "csv", "jsonl"])
      .describe("The store's layout, or a plain CSV or JSON Lines"),
    path: z
      .string()
      .trim()
      .min(1)
      .max(4096)
      .describe(
        "The file to write, as an absolute path on this machine (a relative one is refused): a regular file ending in .csv (.jsonl for jsonl), not a hidden one",
      ),
    include: z
      .array(z.enum(RECORD_STATUSES))
      .min(1)
      .optional()
      .describe(
        'Statuses whose latest copy goes out too, e.g. ["written"] for copy nobody approved yet; approved and exported copy always goes out',
      ),
    import_id: z
      .string()
      .max(100)
      .optional()
      .describe(
        "The import to write; default the newest of this format (csv and jsonl: the newest of any format)",
      ),
    tags: z
      .boolean()
      .optional()
      .describe("Also write tags (off by default: they drive the store's collections)"),
    overwrite: z
      .boolean()
      .optional()
      .describe(
        "Replace a file that is already there although copydesk did not export it, or it changed since (default false)",
      ),
    overwrite_source: z.boolean().optional().describe("Allow writing over the file that was imported"),
  },
  outputSchema: {
    export: z.object({
      path: z.string(),
      dialect: z.string(),
      importId: z.string().nullable(),
      convertedFrom: z.string().nullable().describe("The import's layout, when converted to another"),
      rows: z.number().int(),
      products: z.number().int().describe("Products whose new copy went out"),
      added: z.number().int().describe("Of those, products made in copydesk, added as rows"),
      notAddedAgain: z
        .number()
        .int()
        .describe("WooCommerce: products made in copydesk and exported before, not added again"),
      productsChanged: z.number().int().describe("Products whose copy cells differ from the imported ones"),
      cellsChanged: z.number().int(),
      waiting: z
        .record(z.string(), z.number().int())
        .describe("Products whose copy did not go out (nobody let it through), by status"),
      bytes: z.number().int(),
      fieldsWithoutColumn: z.array(z.string()),
    }),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle(input, deps) {
    if (!deps.localFiles) throw new TextRejectedError("Over HTTP copydesk writes no files by path.");
    const path = exportPath(input.path);
    const result = await exportCatalog(deps.store(), {
      format: input.format,
      path,
      include: input.include,
      importId: input.import_id,
      tags: input.tags,
      overwriteSource: input.overwrite_source,
      overwrite: input.overwrite,
    });
    deps.resourcesChanged();
    const lines = exportSummary(result, {
      approve: "approve_products",
      includeWritten: 'pass include: ["written"] to export their copy unapproved',
      includeExported: 'pass include: ["exported"]',
      write: "write_catalog",
    });
    if (result.fieldsWithoutColumn.length > 0) {
      lines.push(`The file has no column for: ${result.fieldsWithoutColumn.join(", ")} (left out).`);
    }
    return {
      structured: { export: { ...result, fieldsWithoutColumn: [...result.fieldsWithoutColumn] } },
      text: lines.join(" "),
    };
  },
});
