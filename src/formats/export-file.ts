import { fsPromises } from "../platform/fs-promises.ts";
import { writeFileAtomically } from "./atomic-file.ts";
import { CatalogExportError } from "./errors.ts";
import { type ExportOptions, type ExportRow, type ExportSummary, exportCatalog } from "./export.ts";
import { checkExportTarget, EXPORT_EXTENSIONS, realPathOf } from "./export-target.ts";
import type { NewProduct } from "./new-rows.ts";
import type { CatalogHeader } from "./types.ts";

/** A file as an export left it (size and modification time), to know it again. */
export interface ExportedFile {
  readonly realPath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface CatalogFileOptions extends ExportOptions {
  /** The imported file: refused unless `overwriteSource`. */
  readonly source?: string;
  readonly overwriteSource?: boolean;
  /** Replace a file that is there even when no export wrote it. */
  readonly overwrite?: boolean;
  /** Whether an earlier export left this file (real path) as it is now: such a file is replaced unasked. */
  readonly exportedBefore?: (file: ExportedFile) => boolean;
  /** The folder holding copydesk's database: never written in. */
  readonly dataFolder?: string;
}

/**
 * exportCatalog written atomically to `path`, a regular file with the layout's extension outside the data
 * folder (checkExportTarget). A file already there is replaced only if an export left it so, or if asked;
 * the imported file (`source`) only if `overwriteSource`. Returns the file as written, to be recorded.
 */
export async function writeCatalogFile(
  path: string,
  header: CatalogHeader,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  added: AsyncIterable<NewProduct> | Iterable<NewProduct> = [],
  options: CatalogFileOptions = {},
): Promise<ExportSummary & { bytes: number; written: ExportedFile }> {
  const extension = EXPORT_EXTENSIONS[header.dialect === "jsonl" ? "jsonl" : "csv"];
  const { realPath, existing } = await checkExportTarget(path, extension, options.dataFolder);
  if (existing !== undefined && options.overwrite !== true) {
    // The imported file has its own rule (overwriteSource), in writeFileAtomically.
    const isSource = options.source !== undefined && (await realPathOf(options.source)) === realPath;
    const known = { realPath, size: existing.size, mtimeMs: existing.mtimeMs };
    if (!isSource && options.exportedBefore?.(known) !== true) {
      throw new CatalogExportError(
        `${path} is already there and copydesk did not export it (or it changed since): ask to overwrite it, or choose another name.`,
      );
    }
  }
  const { chunks, summary } = exportCatalog(header, rows, added, options);
  const { bytes } = await writeFileAtomically(path, chunks, options);
  const now = await realPathOf(path);
  const stats = await fsPromises().stat(now);
  return { ...summary, bytes, written: { realPath: now, size: stats.size, mtimeMs: stats.mtimeMs } };
}
