import { CatalogExportError } from "../formats/errors.ts";
import type { ExportRow } from "../formats/export.ts";
import { writeCatalogFile } from "../formats/export-file.ts";
import { freshHeader, type NewProduct } from "../formats/new-rows.ts";
import { storedProducts } from "../formats/stored-products.ts";
import type { CatalogHeader, Dialect, ImportedProduct, ProductCopy } from "../formats/types.ts";
import { productKind } from "../kinds/product/kind.ts";
import type { ImportInfo, RowRecord } from "../store/catalog.ts";
import type { RecordStatus, Store, StoredRecord } from "../store/records.ts";

export type ExportFormat = "shopify" | "woocommerce" | "csv" | "jsonl";

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly path: string;
  /**
   * Statuses whose latest copy goes out too ("written", "needs_review"). The copy a person let through
   * (approved, or exported before) always goes out; other products keep their imported cells.
   */
  readonly include?: readonly RecordStatus[] | undefined;
  /**
   * The import whose products are written. Default: for shopify and woocommerce the newest import of that
   * format; for csv and jsonl the newest import of any format (another format's products are converted).
   */
  readonly importId?: string | undefined;
  /** Write tags too (off by default: tags drive a store's collections and filters). */
  readonly tags?: boolean | undefined;
  /** Allow writing over the file the products were imported from. */
  readonly overwriteSource?: boolean | undefined;
  /**
   * Replace a file that is there although no export wrote it (or it changed since). Without it only a file
   * an export of this data folder left, still as it left it (same size and modification time), is replaced.
   */
  readonly overwrite?: boolean | undefined;
}

export interface ExportResult {
  readonly path: string;
  readonly dialect: Dialect;
  /** The import written, if any. */
  readonly importId: string | null;
  /** Its layout, when it was converted to another one (a Shopify import written as csv). */
  readonly convertedFrom: Dialect | null;
  readonly rows: number;
  /** Products whose new copy went out (and are now "exported"). */
  readonly products: number;
  /** Of those, the ones made in copydesk, added as new rows. */
  readonly added: number;
  /** Products made in copydesk left out of a WooCommerce file because an export added them before. */
  readonly notAddedAgain: number;
  /** Products whose copy cells differ from what the store has now (the imported cells), and those cells. */
  readonly productsChanged: number;
  readonly cellsChanged: number;
  /** Products the export covers whose copy did not go out (nobody let it through), by status. */
  readonly waiting: Partial<Record<RecordStatus, number>>;
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
/** Formats any import converts to: one row or line per product. */
const CONVERTS: readonly ExportFormat[] = ["csv", "jsonl"];

/**
 * Writes the products' copy out as a file the store imports: the imported file with only the copy columns of
 * each product's first row changed (every other byte as it was), or, as csv or jsonl from another layout, one
 * row or line per product with its imported fields; then the products made in copydesk in the same layout.
 * Each product carries the newest copy a person let through, so exporting again never writes old copy back.
 * Written atomically; the products whose copy went out become "exported".
 */
export async function exportCatalog(store: Store, options: ExportOptions): Promise<ExportResult> {
  const latestFor = [...new Set(options.include ?? [])];
  const source = sourceImport(store, options);
  const convert = source !== undefined && !DIALECTS[options.format].includes(source.header.dialect);
  /** The records whose copy went out, with the version written. */
  const exported: { seq: number; version: number }[] = [];
  const waiting: Partial<Record<RecordStatus, number>> = {};
  /** The copy of a record that goes out, counted; undefined (and counted as waiting) when none does. */
  const goesOut = (record: RowRecord | null): ProductCopy | undefined => {
    if (record === null) return undefined;
    if (record.version === null || record.copy === undefined) {
      const status = record.status as RecordStatus;
      waiting[status] = (waiting[status] ?? 0) + 1;
      return undefined;
    }
    exported.push({ seq: record.seq, version: record.version });
    return catalogCopy(record.copy);
  };

  function* rows(): Iterable<ExportRow> {
    if (!source || convert) return;
    for (const { raw, record } of store.catalog.rows(source.id, latestFor)) {
      const copy = goesOut(record);
      yield copy === undefined ? { raw } : { raw, copy };
    }
  }
  let added = 0;
  let notAddedAgain = 0;
  async function* newProducts(): AsyncIterable<NewProduct> {
    if (source && convert) {
      for await (const { product, record } of storedProducts(
        source.header,
        store.catalog.rows(source.id, latestFor),
      )) {
        const before = importedCopy(product);
        const copy = goesOut(record);
        yield { ...productFields(product), copy: copy ?? before, before };
      }
    }
    // A product from a store file goes out with its file, or not at all.
    for (const record of productsMadeHere(store)) {
      if (addedBefore(options.format, record, latestFor)) {
        notAddedAgain++;
        continue;
      }
      const copy = goesOut(madeHereRow(store, record, latestFor));
      if (copy === undefined) continue;
      added++;
      yield {
        key: { handle: record.handle ?? undefined },
        title: record.title,
        keywords: productKind.readInput(record).input.keywords,
        facts: productKind.readInput(record).input.facts ?? {},
        copy,
      } as NewProduct;
    }
  }
  const header: CatalogHeader =
    source && !convert
      ? source.header
      : freshHeader(FRESH[options.format], await factNames(store, options.format, source));
  const summary = await writeCatalogFile(options.path, header, rows(), newProducts(), {
    tags: options.tags === true,
    ...(source?.source ? { source: source.source } : {}),
    overwriteSource: options.overwriteSource === true,
    overwrite: options.overwrite === true,
    exportedBefore: ({ realPath, size, mtimeMs }) => {
      const written = store.exportFiles.written(realPath);
      return written?.size === size && written.mtimeMs === mtimeMs;
    },
    ...(store.dataFolder === undefined ? {} : { dataFolder: store.dataFolder }),
  });
  const { realPath, ...file } = summary.written;
  store.exportFiles.wrote(realPath, file);
  store.catalog.markExported(exported);
  return {
    path: options.path,
    dialect: header.dialect,
    importId: source?.id ?? null,
    convertedFrom: convert ? source.header.dialect : null,
    rows: summary.rows + summary.productsAdded,
    products: exported.length,
    added,
    notAddedAgain,
    productsChanged: summary.rowsChanged,
    cellsChanged: summary.cellsChanged,
    waiting,
    bytes: summary.bytes,
    fieldsWithoutColumn: summary.fieldsWithoutColumn,
  };
}

function sourceImport(store: Store, options: ExportOptions): ImportInfo | undefined {
  const converts = CONVERTS.includes(options.format);
  if (options.importId !== undefined) {
    const found = store.catalog.getImport(options.importId);
    if (found?.state !== "done") {
      throw new CatalogExportError(`There is no finished import with id "${options.importId}".`);
    }
    if (!converts && !DIALECTS[options.format].includes(found.header.dialect)) {
      throw new CatalogExportError(
        `Import ${options.importId} is a ${found.header.dialect} file; export it as ${formatOf(found.header.dialect)}, csv or jsonl, not ${options.format}.`,
      );
    }
    return found;
  }
  return store.catalog.latestImport(converts ? undefined : DIALECTS[options.format]);
}

const formatOf = (dialect: Dialect): ExportFormat =>
  (Object.keys(DIALECTS) as ExportFormat[]).find((format) => DIALECTS[format].includes(dialect)) ?? "csv";

/** A csv written from scratch gets a column for every fact of the products it holds, in order of appearance. */
async function factNames(
  store: Store,
  format: ExportFormat,
  source: ImportInfo | undefined,
): Promise<string[]> {
  if (format !== "csv") return [];
  const names = new Set<string>();
  if (source) {
    for await (const { product } of storedProducts(source.header, store.catalog.rows(source.id))) {
      for (const name of Object.keys(product.facts)) names.add(name);
    }
  }
  for (const record of productsMadeHere(store)) {
    for (const name of Object.keys(productKind.readInput(record).input.facts ?? {})) names.add(name);
  }
  return [...names];
}

/** What a converted product's row says of it besides its copy. */
function productFields(product: ImportedProduct): Omit<NewProduct, "copy"> {
  return { key: product.key, title: product.title, keywords: product.keywords, facts: product.facts };
}

/** The copy cells a product has in its store file. */
function importedCopy(product: ImportedProduct): ProductCopy {
  return {
    description_html: product.existingDescriptionHtml ?? "",
    short_description: product.existingShortDescriptionHtml ?? "",
    seo_title: product.existingSeo?.title ?? "",
    seo_description: product.existingSeo?.description ?? "",
  };
}

/**
 * WooCommerce finds a product again by its ID or SKU, which a product made in copydesk has none of until
 * the store's own export is imported: a second file with it would make it twice. Shopify matches the handle.
 */
function addedBefore(format: ExportFormat, record: StoredRecord, latestFor: readonly string[]): boolean {
  return format === "woocommerce" && record.exportedVersion !== null && !latestFor.includes("exported");
}

/** A product made here as an export sees a row's record: the copy that goes out by the same rule. */
function madeHereRow(store: Store, record: StoredRecord, latestFor: readonly string[]): RowRecord {
  const version = latestFor.includes(record.status) ? record.latestVersion : record.approvedVersion;
  const shown =
    version === null || version === 0
      ? undefined
      : version === record.latestVersion
        ? record.current
        : store.get(productKind.name, record.id, version)?.current;
  return {
    seq: record.seq,
    id: record.id,
    status: record.status,
    latestVersion: record.latestVersion,
    version: shown?.version ?? null,
    copy: shown?.copy,
  };
}

function* productsMadeHere(store: Store): Iterable<StoredRecord> {
  let cursor: string | undefined;
  do {
    const page = store.list(productKind.name, { limit: 100, cursor, fromFile: false });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * The copy fields an export writes. A field the copy left empty (a reply in prose has only its main text)
 * is left out, so the file keeps the cell it had: an empty cell would blank the store's SEO title.
 */
function catalogCopy(copy: Readonly<Record<string, unknown>> = {}): ProductCopy {
  const text = (field: string) => {
    const value = String(copy[field] ?? "");
    return value.trim() === "" ? undefined : value;
  };
  const tags = (copy.tags as string[] | undefined) ?? [];
  return {
    ...present("description_html", text("description_html")),
    ...present("short_description", text("short_description")),
    ...present("seo_title", text("seo_title")),
    ...present("seo_description", text("seo_description")),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

const present = <K extends string>(field: K, value: string | undefined) =>
  (value === undefined ? {} : { [field]: value }) as Partial<Record<K, string>>;
