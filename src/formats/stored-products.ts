import { openCatalogFile } from "./import.ts";
import type { CatalogHeader, ImportedProduct } from "./types.ts";

/** A kept row of an import, with what belongs to it (its record, on a product's first row). */
export interface KeptRow<T> {
  readonly number: number;
  readonly raw: string;
  readonly record: T | null;
}

const CHUNK = 64 * 1024;

/**
 * An import's products read again from its kept rows, by the reader that imported them: everything the file
 * said of each (key, title, keywords, facts, its copy cells), with the record of its first row. Rows that are
 * no product (rejected, blank, a variation away from its parent) are left out.
 */
export async function* storedProducts<T>(
  header: CatalogHeader,
  rows: Iterable<KeptRow<T>>,
): AsyncIterable<{ product: ImportedProduct; record: T | null }> {
  const records = new Map<number, T>();
  // The rows are handed to the reader as the file's text (less its BOM): the same records, the same numbers.
  async function* bytes(): AsyncIterable<Buffer> {
    let pending = header.raw;
    for (const row of rows) {
      if (row.record !== null) records.set(row.number, row.record);
      pending += row.raw;
      if (pending.length >= CHUNK) {
        yield Buffer.from(pending, "utf8");
        pending = "";
      }
    }
    if (pending !== "") yield Buffer.from(pending, "utf8");
  }
  const opened = await openCatalogFile(bytes(), {
    format:
      header.dialect === "shopify-current" || header.dialect === "shopify-legacy"
        ? "shopify"
        : header.dialect,
    ...(header.mapping !== undefined ? { mapping: header.mapping } : {}),
  });
  for await (const item of opened.items) {
    if (item.type !== "product") continue;
    const number = item.product.rows[0]?.number ?? 0;
    const record = records.get(number) ?? null;
    records.delete(number);
    yield { product: item.product, record };
  }
}
