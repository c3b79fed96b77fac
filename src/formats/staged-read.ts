import type { ByteSource } from "./byte-source.ts";
import { type OpenCatalogFileOptions, openCatalogFile } from "./import.ts";
import { type RowChunk, toChunks } from "./row-chunks.ts";
import type { CatalogHeader, ImportedProduct, ProductKey, SourceRow, StagedProduct } from "./types.ts";

/** A run of the file as the store keeps it: its rows as chunks, its products staged, its rejected rows. */
export interface StagedBatch {
  readonly chunks: RowChunk[];
  readonly rowCount: number;
  readonly products: StagedProduct[];
  readonly rejected: { row: number; reason: string }[];
}

export interface StagedRead {
  readonly header: CatalogHeader;
  /**
   * The file in file order, read as it is consumed. Iterating can throw a CatalogFileError (unbalanced
   * quotes at the end, an oversized row): nothing of it may then be kept. Iterate to the end or break out.
   */
  readonly batches: AsyncIterable<StagedBatch>;
}

/** A batch holds at least this many rows (a product's rows are never split across batches). */
const BATCH_ROWS = 500;
/** An existing description longer than this is cut for the brief (the original stays in the file). */
const MAX_EXISTING = 10_000;

/** Reads a store file into staged batches on this thread. */
export async function readStaged(
  bytes: ByteSource,
  options: OpenCatalogFileOptions = {},
): Promise<StagedRead> {
  const opened = await openCatalogFile(bytes, options);
  async function* batches(): AsyncIterable<StagedBatch> {
    let rows: SourceRow[] = [];
    let products: StagedProduct[] = [];
    let rejected: StagedBatch["rejected"] = [];
    const take = (): StagedBatch => {
      const batch = { chunks: toChunks(rows), rowCount: rows.length, products, rejected };
      rows = [];
      products = [];
      rejected = [];
      return batch;
    };
    for await (const item of opened.items) {
      if (item.type === "product") {
        rows.push(...item.product.rows);
        products.push(stage(item.product));
      } else if (item.type === "attached") rows.push(...item.rows);
      else {
        rows.push(item.row);
        if (item.type === "rejected") rejected.push({ row: item.row.number, reason: item.reason });
      }
      if (rows.length >= BATCH_ROWS) yield take();
    }
    if (rows.length > 0) yield take();
  }
  return { header: opened.header, batches: batches() };
}

/** What the import needs of a product, and nothing else (its rows are kept on their own). */
function stage(product: ImportedProduct): StagedProduct {
  return {
    sourceKey: sourceKey(product.key, product.title),
    title: product.title,
    handle: product.key.handle ?? null,
    inputJson: JSON.stringify(inputOf(product)),
    firstRow: product.rows[0]?.number ?? 0,
  };
}

/**
 * How a product is found again: the store's handle, else its SKU, else its id, else its title.
 * Handles in lower case: Shopify keeps them so, and "Blue-Mug" re-imported as "blue-mug" is one product.
 */
function sourceKey(key: ProductKey, title: string): string {
  if (key.handle) return `handle:${key.handle.toLowerCase()}`;
  if (key.sku) return `sku:${key.sku}`;
  if (key.id) return `id:${key.id}`;
  return `title:${title}`;
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
