import { CatalogExportError } from "../catalog/errors.ts";
import type { ExportRow } from "../catalog/export.ts";
import { writeCatalogFile } from "../catalog/export-file.ts";
import { freshHeader, type NewProduct } from "../catalog/new-rows.ts";
import type { CatalogHeader, Dialect, ProductCopy } from "../catalog/types.ts";
import type { RecordStatus, Store, StoredRecord } from "../store/records.ts";

export type ExportFormat = "shopify" | "woocommerce" | "csv" | "jsonl";

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly path: string;
  /** Which statuses go out; default approved only. */
  readonly include?: readonly RecordStatus[] | undefined;
  /** The import whose file is written back; default the newest import of the format's dialects. */
  readonly importId?: string | undefined;
  /** Write tags too (off by default: tags drive a store's collections and filters). */
  readonly tags?: boolean | undefined;
  /** Allow writing over the file the products were imported from. */
  readonly overwriteSource?: boolean | undefined;
}

export interface ExportResult {
  readonly path: string;
  readonly dialect: Dialect;
  /** The import written back, if any. */
  readonly importId: string | null;
  readonly rows: number;
  /** Products whose copy went out (and are now "exported"). */
  readonly products: number;
  /** Of those, the ones made in copydesk, added as new rows. */
  readonly added: number;
  readonly bytes: number;
  readonly fieldsWithoutColumn: readonly string[];
}

const DIALECTS: Record<ExportFormat, readonly Dialect[]> = {
  shopify: ["shopify-current", "shopify-legacy"],
  woocommerce: ["woocommerce"],
  csv: ["csv"],
  jsonl: ["jsonl"],
};
const FRESH: Record<ExportFormat, Dialect> = {
  shopify: "shopify-current",
  woocommerce: "woocommerce",
  csv: "csv",
  jsonl: "jsonl",
};

/**
 * Writes the products' copy out as a file the store imports: the imported file with only the copy
 * columns of each product's first row changed (every other byte as it was), then the products made in
 * copydesk in the same dialect. Written atomically; the written products become "exported".
 */
export async function exportProducts(store: Store, options: ExportOptions): Promise<ExportResult> {
  const include = new Set<string>(options.include ?? ["approved"]);
  const source = sourceImport(store, options);
  const header: CatalogHeader = source?.header ?? freshHeader(FRESH[options.format]);
  /** The seqs of the records whose copy went out. */
  const exported: number[] = [];
  /** A record goes out when it has copy (it is not a draft) and one of the statuses asked for. */
  const wanted = (status: string, copy: object | undefined) => copy !== undefined && include.has(status);

  function* rows(): Iterable<ExportRow> {
    if (!source) return;
    for (const { raw, record } of store.catalog.rows(source.id)) {
      if (record !== null && wanted(record.status, record.copy)) {
        exported.push(record.seq);
        yield { raw, copy: catalogCopy(record.copy) };
      } else {
        yield { raw };
      }
    }
  }
  let added = 0;
  function* newProducts(): Iterable<NewProduct> {
    // A product from a store file goes out with its file, or not at all.
    for (const record of productsMadeHere(store)) {
      if (!wanted(record.status, record.current?.copy)) continue;
      exported.push(record.seq);
      added++;
      yield {
        key: { handle: record.handle ?? undefined },
        title: record.title,
        keywords: (record.input.keywords as string[] | undefined) ?? [],
        facts: (record.input.facts as Record<string, string> | undefined) ?? {},
        copy: catalogCopy(record.current?.copy),
      } as NewProduct;
    }
  }
  const summary = await writeCatalogFile(options.path, header, rows(), newProducts(), {
    tags: options.tags === true,
    ...(source?.source ? { source: source.source } : {}),
    overwriteSource: options.overwriteSource === true,
  });
  store.catalog.markExported(exported);
  return {
    path: options.path,
    dialect: header.dialect,
    importId: source?.id ?? null,
    rows: summary.rows,
    products: exported.length,
    added,
    bytes: summary.bytes,
    fieldsWithoutColumn: summary.fieldsWithoutColumn,
  };
}

function sourceImport(store: Store, options: ExportOptions) {
  if (options.importId !== undefined) {
    const found = store.catalog.getImport(options.importId);
    if (found?.state !== "done") {
      throw new CatalogExportError(`There is no finished import with id "${options.importId}".`);
    }
    if (!DIALECTS[options.format].includes(found.header.dialect)) {
      throw new CatalogExportError(
        `Import ${options.importId} is a ${found.header.dialect} file; export it as that format, not ${options.format}.`,
      );
    }
    return found;
  }
  return store.catalog.latestImport(DIALECTS[options.format]);
}

function* productsMadeHere(store: Store): Iterable<StoredRecord> {
  let cursor: string | undefined;
  do {
    const page = store.list("product", { limit: 100, cursor, fromFile: false });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

function catalogCopy(copy: Readonly<Record<string, unknown>> = {}): ProductCopy {
  return {
    description_html: String(copy.description_html ?? ""),
    short_description: String(copy.short_description ?? ""),
    seo_title: String(copy.seo_title ?? ""),
    seo_description: String(copy.seo_description ?? ""),
    tags: (copy.tags as string[] | undefined) ?? [],
  };
}
