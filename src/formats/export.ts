import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { cellCopy } from "./cell-copy.ts";
import { COPY_COLUMNS, detectLayout, type FormatChoice } from "./layout.ts";
import { type NewProduct, newProductCells, newProductLine } from "./new-rows.ts";
import { quoteCell, splitLineEnding, splitRawRecord, unquoteCell } from "./raw-fields.ts";
import type { CatalogHeader, CopyField, ProductCopy } from "./types.ts";

/** A source row to write back: exactly as it was, or, on a product's first row, with its new copy. */
export interface ExportRow {
  raw: string;
  copy?: ProductCopy;
}

export interface ExportOptions {
  /** Write `copy.tags` into the Tags column (off by default: tags drive store collections and filters). */
  tags?: boolean;
}

export interface ExportSummary {
  rows: number;
  rowsWithCopy: number;
  /** Rows whose copy cells now differ from the source's, and how many cells differ. */
  rowsChanged: number;
  cellsChanged: number;
  productsAdded: number;
  /** Copy fields the dialect has a column for but this file's header lacks: not written. */
  fieldsWithoutColumn: CopyField[];
}

const FORMAT: Record<Exclude<CatalogHeader["dialect"], "jsonl">, FormatChoice> = {
  "shopify-current": "shopify",
  "shopify-legacy": "shopify",
  woocommerce: "woocommerce",
  csv: "csv",
};

const BOM = "\uFEFF";

/** A copy field as the text of its cell; undefined when the copy has no such field. */
const cellValue = (copy: ProductCopy, field: CopyField): string | undefined =>
  field === "tags" ? copy.tags?.join(", ") : copy[field];
/** A copy field as the text of its cell, "" for none. */
const cellText = (copy: ProductCopy, field: CopyField): string => cellValue(copy, field) ?? "";
const CHUNK = 64 * 1024;

/**
 * The export file's text, streamed: the source header and rows in their order, only the copy cells of rows
 * that carry copy changed, then the products that have no source row, in the same dialect. A generic CSV whose
 * header has no column for a copy field gets that column added at the end (only rows with copy fill it).
 */
export function exportCatalog(
  header: CatalogHeader,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  added: AsyncIterable<NewProduct> | Iterable<NewProduct> = [],
  options: ExportOptions = {},
): { chunks: AsyncIterable<string>; summary: ExportSummary } {
  const tags = options.tags === true;
  const summary: ExportSummary = {
    rows: 0,
    rowsWithCopy: 0,
    rowsChanged: 0,
    cellsChanged: 0,
    productsAdded: 0,
    fieldsWithoutColumn: [],
  };
  const fields: CopyField[] = ["description_html", "short_description", "seo_title", "seo_description"];
  if (tags) fields.push("tags");
  const ending = header.lineEnding;
  let columns = header.columns;
  let headerRaw = header.raw;
  const copyColumns: [CopyField, number][] = [];
  if (header.dialect !== "jsonl") {
    const layout = detectLayout(header.columns, {
      format: FORMAT[header.dialect],
      ...(header.mapping !== undefined ? { mapping: header.mapping } : {}),
    });
    const appended: string[] = [];
    for (const field of fields) {
      const index = layout.copyColumns[field];
      if (index !== undefined) copyColumns.push([field, index]);
      else if (header.dialect === "csv") {
        copyColumns.push([field, columns.length + appended.length]);
        appended.push(field);
      } else if (COPY_COLUMNS[header.dialect][field] !== undefined) summary.fieldsWithoutColumn.push(field);
    }
    if (appended.length > 0) {
      const [text, end] = splitLineEnding(header.raw);
      headerRaw = `${[text, ...appended.map((name) => quoteCell(name))].join(",")}${end || ending}`;
      columns = [...columns, ...appended];
    }
  }

  /** The copy fields this file has cells for. */
  const written = header.dialect === "jsonl" ? fields : copyColumns.map(([field]) => field);
  /** Counts a row's changed copy cells. */
  const changed = (cells: number) => {
    if (cells === 0) return;
    summary.rowsChanged++;
    summary.cellsChanged += cells;
  };
  const withCopy = (raw: string, copy: ProductCopy): string => {
    const [text, end] = splitLineEnding(raw);
    if (header.dialect === "jsonl") {
      const { tags: newTags, ...rest } = copy;
      const given = JSON.parse(text) as Record<string, unknown>;
      const fresh = { ...rest, ...(tags && newTags !== undefined ? { tags: newTags } : {}) };
      changed(
        Object.entries(fresh).filter(
          ([field, value]) => JSON.stringify(given[field]) !== JSON.stringify(value),
        ).length,
      );
      return `${JSON.stringify({ ...given, ...fresh })}${end}`;
    }
    const cells =
      splitRawRecord(text) ??
      (
        (parse(text, { relax_quotes: true, relax_column_count: true })[0] as string[] | undefined) ?? [""]
      ).map((cell) => quoteCell(cell));
    let differ = 0;
    const out = cellCopy(header.dialect, copy);
    for (const [field, index] of copyColumns) {
      const value = cellValue(out, field);
      if (value === undefined) continue;
      while (cells.length <= index) cells.push("");
      const given = unquoteCell(cells[index] ?? "");
      // Copy equal to the cell it would replace leaves the cell's bytes as they were.
      if (given === value || given === cellValue(copy, field)) continue;
      differ++;
      cells[index] = quoteCell(value);
    }
    // A column added for copy is there in every row that carries copy, filled or not.
    if (columns.length > header.columns.length) while (cells.length < columns.length) cells.push("");
    changed(differ);
    return `${cells.join(",")}${end}`;
  };

  // Rows are gathered into chunks of about 64 KiB: one await per chunk, not per row.
  async function* chunks(): AsyncIterable<string> {
    let pending = header.bom ? BOM : "";
    let ended = true;
    const put = (text: string) => {
      if (!ended) pending += ending;
      pending += text;
      ended = text === "" || /[\r\n]$/.test(text);
    };
    /** The chunk to hand on once it is full. */
    const full = (): string | undefined => {
      if (pending.length < CHUNK) return undefined;
      const chunk = pending;
      pending = "";
      return chunk;
    };
    const putRow = (row: ExportRow) => {
      summary.rows++;
      if (row.copy !== undefined) summary.rowsWithCopy++;
      put(row.copy === undefined ? row.raw : withCopy(row.raw, row.copy));
      return full();
    };
    if (headerRaw !== "") put(headerRaw);
    // A store's rows come synchronously: for-await would wait a microtask for each of 100,000 rows.
    if (Symbol.asyncIterator in rows) {
      for await (const row of rows) {
        const chunk = putRow(row);
        if (chunk !== undefined) yield chunk;
      }
    } else {
      for (const row of rows) {
        const chunk = putRow(row);
        if (chunk !== undefined) yield chunk;
      }
    }
    for await (const given of added) {
      summary.productsAdded++;
      const before = given.before ?? {};
      const product =
        header.dialect === "jsonl" ? given : { ...given, copy: cellCopy(header.dialect, given.copy, before) };
      changed(written.filter((field) => cellText(product.copy, field) !== cellText(before, field)).length);
      put(
        header.dialect === "jsonl"
          ? `${newProductLine(product, tags)}${ending}`
          : stringify([newProductCells(header, columns, product, tags)], { record_delimiter: ending }),
      );
      const chunk = full();
      if (chunk !== undefined) yield chunk;
    }
    if (pending !== "") yield pending;
  }
  return { chunks: chunks(), summary };
}
