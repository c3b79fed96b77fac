import { writeFileAtomically } from "./atomic-file.ts";
import { type ExportOptions, type ExportRow, type ExportSummary, exportCatalog } from "./export.ts";
import { checkExportTarget, EXPORT_EXTENSIONS } from "./export-target.ts";
import type { NewProduct } from "./new-rows.ts";
import type { CatalogHeader } from "./types.ts";

/**
 * exportCatalog written atomically to `path`, a regular file with the layout's extension (checkExportTarget);
 * refuses `source` (the imported file) unless `overwriteSource`.
 */
export async function writeCatalogFile(
  path: string,
  header: CatalogHeader,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  added: AsyncIterable<NewProduct> | Iterable<NewProduct> = [],
  options: ExportOptions & { source?: string; overwriteSource?: boolean } = {},
): Promise<ExportSummary & { bytes: number }> {
  await checkExportTarget(path, EXPORT_EXTENSIONS[header.dialect === "jsonl" ? "jsonl" : "csv"]);
  const { chunks, summary } = exportCatalog(header, rows, added, options);
  const { bytes } = await writeFileAtomically(path, chunks, options);
  return { ...summary, bytes };
}
