import type { ByteSource } from "../catalog/byte-source.ts";
import { openCatalog } from "../catalog/import.ts";
import type { FormatChoice } from "../catalog/layout.ts";
import type { ColumnMapping, Dialect, ImportedProduct, ProductKey } from "../catalog/types.ts";
import { slugify } from "../copy/handle.ts";
import type { ImportSummary, StagedProduct } from "../store/catalog.ts";
import type { Store } from "../store/records.ts";

export interface ImportOptions {
  /** Leave out to tell the layout from the header. */
  readonly format?: FormatChoice | "jsonl" | undefined;
  readonly mapping?: ColumnMapping | undefined;
  /** The file's path, kept so an export never overwrites it by accident; null for pasted text. */
  readonly source: string | null;
}

export interface ImportResult extends ImportSummary {
  readonly importId: string;
  readonly dialect: Dialect;
  readonly rows: number;
  readonly products: number;
}

/** Rows and products are staged in batches of this many, each batch one short transaction. */
const BATCH = 500;
/** An existing description longer than this is cut for the brief (the original stays in the file). */
const MAX_EXISTING = 10_000;

/**
 * Imports a store file: reads it as a stream, stages every row and product, and only when the whole
 * file was read applies it to the products in one transaction: new ones created, known ones (by handle,
 * SKU or id) updated when the file changed them. A file that fails to read imports nothing.
 */
export async function importProducts(
  store: Store,
  bytes: ByteSource,
  options: ImportOptions,
): Promise<ImportResult> {
  const opened = await openCatalog(bytes, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const importId = store.catalog.beginImport(options.source, opened.header);
  const rejected: { row: number; reason: string }[] = [];
  let rows: { number: number; raw: string }[] = [];
  let products: StagedProduct[] = [];
  let staged = 0;
  let rowCount = 0;
  const flush = () => {
    store.transaction(() => {
      store.catalog.stageRows(importId, rows);
      store.catalog.stageProducts(importId, products, staged);
    });
    staged += products.length;
    rows = [];
    products = [];
  };
  try {
    for await (const item of opened.items) {
      const itemRows =
        item.kind === "product" ? item.product.rows : item.kind === "attached" ? item.rows : [item.row];
      for (const row of itemRows) rows.push({ number: row.number, raw: row.raw });
      rowCount += itemRows.length;
      if (item.kind === "product") products.push(stage(item.product));
      if (item.kind === "rejected") rejected.push({ row: item.row.number, reason: item.reason });
      if (rows.length >= BATCH) flush();
    }
    flush();
  } catch (error) {
    store.catalog.failImport(importId);
    throw error;
  }
  const applied = store.transaction(() => apply(store, importId));
  const summary = { ...applied, rejected };
  store.catalog.finishImport(importId, rowCount, summary);
  return {
    importId,
    dialect: opened.header.dialect,
    rows: rowCount,
    products: staged,
    ...summary,
  };
}

/** What apply needs of a product, and nothing else (the rows are staged on their own). */
function stage(product: ImportedProduct): StagedProduct {
  return {
    sourceKey: sourceKey(product.key, product.title),
    title: product.title,
    handle: product.key.handle ?? null,
    input: inputOf(product),
    firstRow: product.rows[0]?.number ?? 0,
  };
}

/** How a product is found again: the store's handle, else its SKU, else its id, else its title. */
export function sourceKey(key: ProductKey, title: string): string {
  if (key.handle) return `handle:${key.handle}`;
  if (key.sku) return `sku:${key.sku}`;
  if (key.id) return `id:${key.id}`;
  return `title:${title}`;
}

function apply(store: Store, importId: string): Omit<ImportSummary, "rejected"> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const product of store.catalog.staged(importId)) {
    const { sourceKey: key, title, input } = product;
    const existing = store.catalog.findBySourceKey("product", key);
    if (existing === undefined) {
      const seq = store.catalog.createImported("product", {
        title,
        handle: product.handle ?? slugify(title),
        input,
        importId,
        sourceKey: key,
      });
      store.catalog.linkRow(importId, product.firstRow, seq);
      created++;
      continue;
    }
    const changed =
      existing.title !== title ||
      JSON.stringify([existing.input.keywords, existing.input.facts ?? {}]) !==
        JSON.stringify([input.keywords, input.facts ?? {}]);
    store.catalog.linkRecord(existing.seq, {
      importId,
      sourceKey: key,
      ...(changed ? { title, input: { ...existing.input, ...input } } : {}),
    });
    store.catalog.linkRow(importId, product.firstRow, existing.seq);
    if (changed) updated++;
    else unchanged++;
  }
  return { created, updated, unchanged };
}

function inputOf(product: ImportedProduct): Record<string, unknown> {
  const facts = Object.keys(product.facts).length > 0 ? { facts: product.facts } : {};
  const existing = product.existingDescriptionText?.trim();
  return {
    keywords: product.keywords,
    ...facts,
    ...(existing ? { existing_description: existing.slice(0, MAX_EXISTING) } : {}),
  };
}
