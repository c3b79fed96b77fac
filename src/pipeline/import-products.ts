import type { ByteSource } from "../catalog/byte-source.ts";
import { openCatalog } from "../catalog/import.ts";
import type { FormatChoice } from "../catalog/layout.ts";
import type { ColumnMapping, Dialect, ImportedProduct, ProductKey, SourceRow } from "../catalog/types.ts";
import { slugify, slugLibrary } from "../copy/handle.ts";
import type { ImportSummary, StagedProduct } from "../store/catalog.ts";
import type { Store } from "../store/records.ts";

export interface ImportOptions {
  /** Leave out to tell the layout from the header. */
  readonly format?: FormatChoice | "jsonl" | undefined;
  readonly mapping?: ColumnMapping | undefined;
  /** The file's path, kept so an export never overwrites it by accident; null for pasted text. */
  readonly source: string | null;
  /** Staged products are held in memory up to about this many characters of text (default HELD_TEXT). */
  readonly heldText?: number | undefined;
}

export interface ImportResult extends ImportSummary {
  readonly importId: string;
  readonly dialect: Dialect;
  readonly rows: number;
  readonly products: number;
}

/** Rows are staged in batches of this many, each batch one short transaction. */
const BATCH = 500;
/**
 * Staged products are held in memory while their text stays under about this many characters (a
 * 100,000-row Shopify file: ~12 M, ~10 MiB more peak RSS); past it they go into the database with the
 * rows, batch by batch, so a larger file still imports in bounded memory. Held, they cost no writing,
 * reading back and deleting.
 */
const HELD_TEXT = 24 * 1024 * 1024;
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
  await slugLibrary.load();
  const opened = await openCatalog(bytes, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const importId = store.catalog.beginImport(options.source, opened.header);
  const rejected: { row: number; reason: string }[] = [];
  let rows: SourceRow[] = [];
  /** Staged products not in the database (all of them while they fit in HELD_TEXT). */
  let held: StagedProduct[] = [];
  let heldText = 0;
  let inDatabase = 0;
  let rowCount = 0;
  const flush = () => {
    const spill = heldText > (options.heldText ?? HELD_TEXT);
    store.transaction(() => {
      store.catalog.stageRows(importId, rows);
      if (spill) store.catalog.stageProducts(importId, held, inDatabase);
    });
    if (spill) {
      inDatabase += held.length;
      held = [];
    }
    rows = [];
  };
  try {
    for await (const item of opened.items) {
      const itemRows =
        item.kind === "product" ? item.product.rows : item.kind === "attached" ? item.rows : [item.row];
      rows.push(...itemRows);
      rowCount += itemRows.length;
      if (item.kind === "product") {
        const product = stage(item.product);
        held.push(product);
        heldText += textLength(product);
      }
      if (item.kind === "rejected") rejected.push({ row: item.row.number, reason: item.reason });
      if (rows.length >= BATCH) flush();
    }
    flush();
  } catch (error) {
    store.catalog.failImport(importId);
    throw error;
  }
  const applied = store.transaction(() => apply(store, importId, held));
  const summary = { ...applied, rejected };
  store.catalog.finishImport(importId, rowCount, summary);
  return {
    importId,
    dialect: opened.header.dialect,
    rows: rowCount,
    products: inDatabase + held.length,
    ...summary,
  };
}

/** What apply needs of a product, and nothing else (the rows are staged on their own). */
function stage(product: ImportedProduct): StagedProduct {
  return {
    sourceKey: sourceKey(product.key, product.title),
    title: product.title,
    handle: product.key.handle ?? null,
    inputJson: JSON.stringify(inputOf(product)),
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

/** About how much text a staged product holds, in characters. */
function textLength(product: StagedProduct): number {
  return (
    product.sourceKey.length + product.title.length + (product.handle?.length ?? 0) + product.inputJson.length
  );
}

/** The products staged in the database first (a large file), then the ones held in memory: file order. */
function* allStaged(store: Store, importId: string, held: readonly StagedProduct[]) {
  yield* store.catalog.staged(importId);
  yield* held;
}

/** New records are made this many at a time (see Catalog.createImported). */
const CREATE_AT_ONCE = 500;

function apply(
  store: Store,
  importId: string,
  held: readonly StagedProduct[],
): Omit<ImportSummary, "rejected"> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const links: { number: number; recordSeq: number }[] = [];
  let pending: StagedProduct[] = [];
  const pendingKeys = new Set<string>();
  const createPending = () => {
    const seqs = store.catalog.createImported(
      "product",
      pending.map((product) => ({
        title: product.title,
        handle: product.handle ?? slugify(product.title),
        inputJson: product.inputJson,
        importId,
        sourceKey: product.sourceKey,
      })),
    );
    pending.forEach((product, index) => {
      links.push({ number: product.firstRow, recordSeq: seqs[index] as number });
    });
    created += pending.length;
    pending = [];
    pendingKeys.clear();
  };
  for (const product of allStaged(store, importId, held)) {
    const { sourceKey: key, title, inputJson } = product;
    // A key the file has twice: its first product must exist before the second is matched against it.
    if (pendingKeys.has(key)) createPending();
    const existing = store.catalog.findBySourceKey("product", key);
    if (existing === undefined) {
      pending.push(product);
      pendingKeys.add(key);
      if (pending.length === CREATE_AT_ONCE) createPending();
      continue;
    }
    const input = JSON.parse(inputJson) as Record<string, unknown>;
    const changed =
      existing.title !== title ||
      JSON.stringify([existing.input.keywords, existing.input.facts ?? {}]) !==
        JSON.stringify([input.keywords, input.facts ?? {}]);
    store.catalog.linkRecord(existing.seq, {
      importId,
      sourceKey: key,
      ...(changed ? { title, input: { ...existing.input, ...input } } : {}),
    });
    links.push({ number: product.firstRow, recordSeq: existing.seq });
    if (changed) updated++;
    else unchanged++;
  }
  createPending();
  store.catalog.linkRows(importId, links);
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
