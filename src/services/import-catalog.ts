import type { ByteSource } from "../formats/byte-source.ts";
import type { FormatChoice } from "../formats/layout.ts";
import { readStaged } from "../formats/staged-read.ts";
import type { ColumnMapping, Dialect, StagedProduct } from "../formats/types.ts";
import type { ImportSummary } from "../store/catalog.ts";
import type { Store } from "../store/records.ts";
import { slugify, slugLibrary } from "../text/handle.ts";

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

/**
 * Staged products are held in memory while their text stays under about this many characters (a
 * 100,000-row Shopify file: ~12 M, ~10 MiB more peak RSS); past it they go into the database with the
 * rows, batch by batch, so a larger file still imports in bounded memory. Held, they cost no writing,
 * reading back and deleting.
 */
const HELD_TEXT = 24 * 1024 * 1024;

/**
 * Imports a store file: reads it as a stream, stages every row and product, and only when the whole
 * file was read applies it to the products in one transaction: new ones created, known ones (by handle,
 * SKU or id) updated when the file changed them. A file that fails to read imports nothing.
 */
export async function importCatalog(
  store: Store,
  bytes: ByteSource,
  options: ImportOptions,
): Promise<ImportResult> {
  await slugLibrary.load();
  const read = await readStaged(bytes, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const importId = store.catalog.beginImport(options.source, read.header);
  const rejected: { row: number; reason: string }[] = [];
  /** Staged products not in the database (all of them while they fit in HELD_TEXT). */
  let held: StagedProduct[] = [];
  let heldText = 0;
  let inDatabase = 0;
  let rowCount = 0;
  try {
    for await (const batch of read.batches) {
      rowCount += batch.rowCount;
      rejected.push(...batch.rejected);
      for (const product of batch.products) {
        held.push(product);
        heldText += textLength(product);
      }
      const spill = heldText > (options.heldText ?? HELD_TEXT);
      // One short transaction a batch, so that other writers go on while a large file is read.
      store.transaction(() => {
        store.catalog.stageRows(importId, batch.chunks);
        if (spill) store.catalog.stageProducts(importId, held, inDatabase);
      });
      if (spill) {
        inDatabase += held.length;
        held = [];
      }
    }
  } catch (error) {
    store.catalog.failImport(importId);
    throw error;
  }
  const applied = store.transaction(() => apply(store, importId, held));
  const summary = { ...applied, rejected };
  store.catalog.finishImport(importId, rowCount, summary);
  return {
    importId,
    dialect: read.header.dialect,
    rows: rowCount,
    products: inDatabase + held.length,
    ...summary,
  };
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
  // Keys of the records there are, and of those this import makes: a key in neither is a new product.
  const known = store.catalog.sourceKeys("product");
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
      known.add(product.sourceKey);
    });
    created += pending.length;
    pending = [];
    pendingKeys.clear();
  };
  for (const product of allStaged(store, importId, held)) {
    const { sourceKey: key, title, inputJson } = product;
    // A key the file has twice: its first product must exist before the second is matched against it.
    if (pendingKeys.has(key)) createPending();
    const existing = known.has(key) ? store.catalog.findBySourceKey("product", key) : undefined;
    if (existing === undefined) {
      pending.push(product);
      pendingKeys.add(key);
      if (pending.length === CREATE_AT_ONCE) createPending();
      continue;
    }
    const input = JSON.parse(inputJson) as Record<string, unknown>;
    const changed =
      existing.title !== title ||
      JSON.stringify([existing.input.keywords, sortedFacts(existing.input.facts)]) !==
        JSON.stringify([input.keywords, sortedFacts(input.facts)]);
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

/** Facts in name order: the same facts in another column order (a csv export of a Shopify file) are unchanged. */
function sortedFacts(facts: unknown): [string, unknown][] {
  return Object.entries((facts as Record<string, unknown> | undefined) ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
}
