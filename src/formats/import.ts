import { type ByteSource, checkBytes } from "./byte-source.ts";
import { csvRecords, DEFAULT_MAX_ROW_BYTES, lineEndingOf } from "./csv-records.ts";
import { CatalogFileError } from "./errors.ts";
import { genericGrouper } from "./generic-products.ts";
import { jsonlItem, jsonlRows } from "./jsonl-products.ts";
import { detectLayout, type FormatChoice, type Layout } from "./layout.ts";
import { shopifyGrouper } from "./shopify-products.ts";
import type { CatalogHeader, ColumnMapping, ImportItem, SourceRow } from "./types.ts";
import { wooGrouper } from "./woocommerce-products.ts";

export interface OpenCatalogFileOptions {
  /** Leave out to detect from the header names. */
  format?: FormatChoice | "jsonl";
  /** Generic CSV: which column is the title, the keywords... */
  mapping?: ColumnMapping;
  /** A row (CSV) or line (JSON Lines) larger than this fails the import; default 2 MiB. */
  maxRowBytes?: number;
}

export interface OpenedCatalogFile {
  header: CatalogHeader;
  /**
   * Products, rejected and other rows in file order, read as they are consumed. Iterating can still throw a
   * CatalogFileError (unbalanced quotes at the end, an oversized row): import inside one transaction and roll
   * it back then, so that nothing is imported. Iterate to the end or break out: either closes the file.
   */
  items: AsyncIterable<ImportItem>;
}

/** Reads the header (and fails on anything that is not a product file) before any product is read. */
export async function openCatalogFile(
  source: ByteSource,
  options: OpenCatalogFileOptions = {},
): Promise<OpenedCatalogFile> {
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const checked = await checkBytes(source);
  const lineEnding = lineEndingOf(checked.head);
  const start = checked.head.toString("utf8", checked.bom ? 3 : 0).trimStart();
  if (
    options.format === "jsonl" ||
    (options.format === undefined && !options.mapping && start.startsWith("{"))
  ) {
    return openJsonl(checked.bytes, { bom: checked.bom, lineEnding, maxRowBytes });
  }
  const batches = csvRecords(checked.bytes, checked.bom, maxRowBytes)[Symbol.asyncIterator]();
  const firstBatch = await batches.next();
  const first = firstBatch.done ? undefined : firstBatch.value[0];
  if (first === undefined) throw new CatalogFileError("empty", "The file is empty.");
  let layout: Layout;
  try {
    if (first.cells.every((cell) => cell.trim() === "")) {
      throw new CatalogFileError(
        "unknown-layout",
        "The file's first row is empty; it must name the columns.",
      );
    }
    layout = detectLayout(first.cells, {
      ...(options.format !== undefined ? { format: options.format } : {}),
      ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
    });
  } catch (error) {
    await batches.return?.();
    throw error;
  }
  const header: CatalogHeader = {
    dialect: layout.dialect,
    columns: layout.columns,
    raw: first.raw,
    bom: checked.bom,
    lineEnding,
    ...(layout.mapping !== undefined ? { mapping: layout.mapping } : {}),
  };
  const grouper =
    layout.dialect === "woocommerce"
      ? wooGrouper(layout)
      : layout.dialect === "csv"
        ? genericGrouper(layout)
        : shopifyGrouper(layout);
  async function* items(): AsyncIterable<ImportItem> {
    try {
      // for-of, not yield*: yield* in an async generator awaits each item (and every empty list) again.
      for (const row of (firstBatch.value as SourceRow[]).slice(1)) {
        for (const item of grouper.push(row)) yield item;
      }
      for (let next = await batches.next(); !next.done; next = await batches.next()) {
        for (const row of next.value) for (const item of grouper.push(row)) yield item;
      }
      for (const item of grouper.end()) yield item;
    } finally {
      await batches.return?.();
    }
  }
  return { header, items: items() };
}

async function openJsonl(
  bytes: AsyncIterable<Buffer>,
  file: { bom: boolean; lineEnding: CatalogHeader["lineEnding"]; maxRowBytes: number },
): Promise<OpenedCatalogFile> {
  const rows = jsonlRows(bytes, file.maxRowBytes)[Symbol.asyncIterator]();
  // The first line with content decides whether this is JSON Lines at all.
  const before: SourceRow[] = [];
  let first: ImportItem | undefined;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const item = jsonlItem(next.value);
    if (item.type === "blank") {
      before.push(next.value);
      continue;
    }
    if (item.type === "rejected" && item.reason.startsWith("is not")) {
      await rows.return?.();
      throw new CatalogFileError(
        "not-jsonl",
        `The file is not JSON Lines: its line ${next.value.number} ${item.reason}.`,
      );
    }
    first = item;
    break;
  }
  if (first === undefined) throw new CatalogFileError("empty", "The file is empty.");
  const header: CatalogHeader = {
    dialect: "jsonl",
    columns: [],
    raw: "",
    bom: file.bom,
    lineEnding: file.lineEnding,
  };
  async function* items(): AsyncIterable<ImportItem> {
    try {
      for (const row of before) yield { type: "blank", row };
      yield first as ImportItem;
      for (let next = await rows.next(); !next.done; next = await rows.next()) yield jsonlItem(next.value);
    } finally {
      await rows.return?.();
    }
  }
  return { header, items: items() };
}
