/** The store file layouts copydesk reads and writes. */
export type Dialect = "shopify-current" | "shopify-legacy" | "woocommerce" | "csv" | "jsonl";

/** How a product is matched when the same file (or its export) is imported again. */
export interface ProductKey {
  handle?: string;
  sku?: string;
  id?: string;
}

/** One record of the source file, kept exactly for export. */
export interface SourceRow {
  /** 1-based record number as a spreadsheet shows it: the header is row 1 (JSON Lines: line number). */
  number: number;
  /** The record's text exactly as in the file, line ending included (none on a last line without one). */
  raw: string;
  cells: string[];
}

export interface ImportedProduct {
  key: ProductKey;
  title: string;
  keywords: string[];
  /** Vendor, type, categories, options and attributes, weight, dimensions: what the copy may use. */
  facts: Record<string, string>;
  existingDescriptionHtml?: string;
  /** The existing description as plain text, for briefs. Kept out of `facts` so that importing an export
   * (whose description is copydesk's own) does not read as changed facts. */
  existingDescriptionText?: string;
  existingShortDescriptionHtml?: string;
  existingSeo?: { title?: string; description?: string };
  /** The product's rows in file order; rows[0] is the row its copy is written into. */
  rows: SourceRow[];
}

/** A staged product: what the file says, as the record it becomes, before it is matched against the store. */
export interface StagedProduct {
  /** How the product is found again (see sourceKey in staged-read.ts). */
  readonly sourceKey: string;
  readonly title: string;
  /** The store's handle, if the file has one; a new record without one gets a handle made from its title. */
  readonly handle: string | null;
  /** The record's input as JSON text: what a new record stores as it is, and one compact string to hold. */
  readonly inputJson: string;
  /** The row its copy is written into. */
  readonly firstRow: number;
}

export type ImportItem =
  | { type: "product"; product: ImportedProduct }
  /** Rows of a product that appeared earlier in the file (or only in the store): a WooCommerce variation
   * away from its parent, a Shopify row whose handle came back later. They get no copy. */
  | { type: "attached"; to: ProductKey; rows: SourceRow[] }
  | { type: "rejected"; row: SourceRow; reason: string }
  /** A row with no cells (an empty line): written back as it was. */
  | { type: "blank"; row: SourceRow };

/** Which column holds what, for generic CSV files; names are header names as written in the file. */
export interface ColumnMapping {
  title: string;
  keywords?: string;
  handle?: string;
  sku?: string;
  id?: string;
  description?: string;
  short_description?: string;
  seo_title?: string;
  seo_description?: string;
  tags?: string;
}

export type CopyField = "description_html" | "short_description" | "seo_title" | "seo_description" | "tags";

/** What the file looked like, everything export needs to write it back the same way. */
export interface CatalogHeader {
  dialect: Dialect;
  /** Header names as written (CSV); empty for JSON Lines. */
  columns: string[];
  /** The header record exactly as in the file, line ending included, without the BOM ("" for JSON Lines). */
  raw: string;
  bom: boolean;
  lineEnding: "\r\n" | "\n" | "\r";
  /** Generic CSV only: the mapping in force (given, or the copydesk layout's own). */
  mapping?: ColumnMapping;
}

/** New copy for one product. */
export interface ProductCopy {
  description_html?: string;
  short_description?: string;
  seo_title?: string;
  seo_description?: string;
  tags?: string[];
}
