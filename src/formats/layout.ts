import { CatalogFileError } from "./errors.ts";
import type { ColumnMapping, CopyField, Dialect } from "./types.ts";

export type CsvDialect = Exclude<Dialect, "jsonl">;

/** A CSV header read: the dialect, and where each column that matters is (first occurrence by name). */
export interface Layout {
  dialect: CsvDialect;
  columns: string[];
  /** Index of the first column with this name, compared without case and surrounding spaces. */
  find(name: string): number | undefined;
  /** Where copy is written, for the fields this header has a column for. */
  copyColumns: Partial<Record<CopyField, number>>;
  mapping?: ColumnMapping;
}

export type FormatChoice = "shopify" | "woocommerce" | "csv";

/** The store dialects' copy columns, by header name. */
export const COPY_COLUMNS: Record<Exclude<CsvDialect, "csv">, Partial<Record<CopyField, string>>> = {
  "shopify-current": {
    description_html: "Description",
    seo_title: "SEO title",
    seo_description: "SEO description",
    tags: "Tags",
  },
  "shopify-legacy": {
    description_html: "Body (HTML)",
    seo_title: "SEO Title",
    seo_description: "SEO Description",
    tags: "Tags",
  },
  woocommerce: { description_html: "Description", short_description: "Short description", tags: "Tags" },
};

/** copydesk's own CSV layout: what `csv` export writes, read back without a mapping. */
export const COPYDESK_CSV_COLUMNS = [
  "id",
  "handle",
  "sku",
  "title",
  "keywords",
  "description_html",
  "short_description",
  "seo_title",
  "seo_description",
  "tags",
] as const;

const DEFAULT_MAPPING: Required<ColumnMapping> = {
  title: "title",
  keywords: "keywords",
  handle: "handle",
  sku: "sku",
  id: "id",
  description: "description_html",
  short_description: "short_description",
  seo_title: "seo_title",
  seo_description: "seo_description",
  tags: "tags",
};

const MAPPING_TO_COPY: Partial<Record<keyof ColumnMapping, CopyField>> = {
  description: "description_html",
  short_description: "short_description",
  seo_title: "seo_title",
  seo_description: "seo_description",
  tags: "tags",
};

const normal = (name: string) => name.trim().toLowerCase();

export function columnFinder(columns: readonly string[]): (name: string) => number | undefined {
  const first = new Map<string, number>();
  columns.forEach((name, index) => {
    if (!first.has(normal(name))) first.set(normal(name), index);
  });
  const byExactName = new Map<string, number | undefined>();
  return (name) => {
    if (!byExactName.has(name)) byExactName.set(name, first.get(normal(name)));
    return byExactName.get(name);
  };
}

function knownDialect(find: (name: string) => number | undefined): Exclude<CsvDialect, "csv"> | undefined {
  const has = (name: string) => find(name) !== undefined;
  if (has("URL handle")) return "shopify-current";
  const legacyMarks = [
    "Body (HTML)",
    "Variant SKU",
    "Variant Price",
    "Variant Grams",
    "Image Src",
    "Option1 Name",
  ];
  if (has("Handle") && legacyMarks.some(has)) return "shopify-legacy";
  const wooMarks = [
    "Parent",
    "Short description",
    "Regular price",
    "Grouped products",
    "Visibility in catalog",
  ];
  if (has("Type") && (has("SKU") || has("ID")) && wooMarks.some(has)) return "woocommerce";
  return undefined;
}

function listColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 8).map((name) => `"${name}"`);
  return columns.length > 8 ? `${shown.join(", ")} and ${columns.length - 8} more` : shown.join(", ");
}

const FORMAT_OF: Record<CsvDialect, FormatChoice> = {
  "shopify-current": "shopify",
  "shopify-legacy": "shopify",
  woocommerce: "woocommerce",
  csv: "csv",
};

/** Reads a header by its names, never by position. */
export function detectLayout(
  columns: string[],
  options: { format?: FormatChoice; mapping?: ColumnMapping } = {},
): Layout {
  const find = columnFinder(columns);
  const known = options.format === "csv" || options.mapping ? undefined : knownDialect(find);
  if (options.format !== undefined && options.format !== "csv" && known === undefined) {
    throw new CatalogFileError(
      "unknown-layout",
      `The file is not a ${options.format === "shopify" ? "Shopify" : "WooCommerce"} product CSV: its columns are ${listColumns(columns)}.`,
    );
  }
  if (known !== undefined) {
    if (options.format !== undefined && FORMAT_OF[known] !== options.format) {
      throw new CatalogFileError("unknown-layout", `The file is a ${known} CSV, not ${options.format}.`);
    }
    const titleColumn = known === "woocommerce" ? "Name" : "Title";
    if (find(titleColumn) === undefined) {
      throw new CatalogFileError(
        "no-title",
        `The file has no "${titleColumn}" column, so no product has a title.`,
      );
    }
    const copyColumns: Partial<Record<CopyField, number>> = {};
    for (const [field, name] of Object.entries(COPY_COLUMNS[known]) as [CopyField, string][]) {
      const index = find(name);
      if (index !== undefined) copyColumns[field] = index;
    }
    return { dialect: known, columns, find, copyColumns };
  }
  const mapping = options.mapping ?? defaultMapping(find);
  const only = columns.length === 1 ? (columns[0] ?? "") : "";
  if (/[;\t]/.test(only)) {
    throw new CatalogFileError(
      "unknown-layout",
      `The file separates its columns with ${only.includes(";") ? "semicolons" : "tabs"}; copydesk reads comma-separated files (in a spreadsheet, save as "CSV UTF-8 (comma delimited)").`,
    );
  }
  if (mapping === undefined) {
    throw new CatalogFileError(
      "unknown-layout",
      `The file's columns (${listColumns(columns)}) match no layout copydesk knows (Shopify, WooCommerce, or a CSV with a "title" column). Name the columns with a mapping such as {"title": "Product Name", "keywords": "Features"}.`,
    );
  }
  if (find(mapping.title) === undefined) {
    throw new CatalogFileError(
      "no-title",
      `The mapping names "${mapping.title}" as the title column, but the file has no such column (its columns: ${listColumns(columns)}).`,
    );
  }
  const missing = Object.entries(mapping).filter(([, name]) => find(name) === undefined);
  if (missing.length > 0) {
    throw new CatalogFileError(
      "unknown-layout",
      `The mapping names columns the file does not have: ${missing.map(([field, name]) => `${field} → "${name}"`).join(", ")}.`,
    );
  }
  const copyColumns: Partial<Record<CopyField, number>> = {};
  for (const [field, copyField] of Object.entries(MAPPING_TO_COPY) as [keyof ColumnMapping, CopyField][]) {
    const index = find(mapping[field] ?? DEFAULT_MAPPING[field]);
    if (index !== undefined) copyColumns[copyField] = index;
  }
  return { dialect: "csv", columns, find, copyColumns, mapping };
}

/** copydesk's own layout: a "title" column, and whichever of its other columns are there. */
function defaultMapping(find: (name: string) => number | undefined): ColumnMapping | undefined {
  if (find("title") === undefined) return undefined;
  const mapping: ColumnMapping = { title: "title" };
  for (const [field, name] of Object.entries(DEFAULT_MAPPING) as [keyof ColumnMapping, string][]) {
    if (find(name) !== undefined) mapping[field] = name;
  }
  return mapping;
}
