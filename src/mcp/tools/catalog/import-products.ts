import { resolve } from "node:path";
import { z } from "zod";
import { fileBytes, textBytes } from "../../../formats/byte-source.ts";
import { TextRejectedError } from "../../../services/failures.ts";
import { importCatalog } from "../../../services/import-catalog.ts";
import { count } from "../../../text/count.ts";
import { defineTool } from "../define-tool.ts";

const mapping = z
  .object({
    title: z.string().min(1).max(200).describe("Column of the product's name"),
    keywords: z.string().max(200).optional(),
    handle: z.string().max(200).optional(),
    sku: z.string().max(200).optional(),
    id: z.string().max(200).optional(),
    description: z.string().max(200).optional(),
    short_description: z.string().max(200).optional(),
    seo_title: z.string().max(200).optional(),
    seo_description: z.string().max(200).optional(),
    tags: z.string().max(200).optional(),
  })
  .describe(
    'For a CSV of another layout: which column holds what, e.g. {"title": "Product Name", "keywords": "Features"}',
  );

export const importProducts = defineTool({
  name: "import_products",
  title: "Import products",
  description:
    "Import a store's product file: a Shopify product CSV (either header dialect), a WooCommerce product CSV, " +
    "any CSV with a column mapping, or JSON Lines. Every row is kept exactly, for export_products; importing the " +
    "same file again updates products (by handle, SKU or id) instead of duplicating them. A file that cannot be " +
    "read imports nothing.",
  inputSchema: {
    path: z.string().trim().min(1).max(4096).optional().describe("The file, on this machine"),
    csv_text: z
      .string()
      .max(10_000_000, "csv_text must be at most 10 MB: pass a path instead")
      .optional()
      .describe("The file's text itself, instead of a path (CSV or JSON Lines)"),
    format: z
      .enum(["shopify", "woocommerce", "csv", "jsonl"])
      .optional()
      .describe("Leave out to tell from the header"),
    mapping: mapping.optional(),
  },
  outputSchema: {
    import: z.object({
      importId: z.string(),
      dialect: z.string().describe("shopify-current, shopify-legacy, woocommerce, csv or jsonl"),
      rows: z.number().int(),
      products: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    }),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handle({ path, csv_text, format, mapping: columns }, deps) {
    if ((path === undefined) === (csv_text === undefined)) {
      throw new TextRejectedError("Give either path or csv_text (not both).");
    }
    if (path !== undefined && !deps.localFiles) {
      throw new TextRejectedError(
        "Over HTTP copydesk reads no files by path: pass the file's text as csv_text.",
      );
    }
    const source = path === undefined ? null : resolve(path);
    const result = await importCatalog(
      deps.store(),
      source === null ? textBytes(csv_text ?? "") : fileBytes(source),
      { format, mapping: columns, source },
    );
    deps.resourcesChanged();
    const rejected = result.rejected.map((r) => `- row ${r.row}: ${r.reason}`);
    return {
      structured: { import: { ...result, rejected: [...result.rejected] } },
      text:
        `Imported ${count(result.products, "product")} from ${count(result.rows, "row")} (${result.dialect}, import ${result.importId}): ` +
        `${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${count(result.rejected.length, "row")} rejected.` +
        (rejected.length > 0 ? `\n${rejected.slice(0, 50).join("\n")}` : "") +
        `\n\nWrite their copy with write_catalog({"selection": {"import_id": "${result.importId}"}}).`,
    };
  },
});
