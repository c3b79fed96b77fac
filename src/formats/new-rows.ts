import { stringify } from "csv-stringify/sync";
import { COPY_COLUMNS, COPYDESK_CSV_COLUMNS, columnFinder } from "./layout.ts";
import type { CatalogHeader, Dialect, ProductCopy, ProductKey } from "./types.ts";

/** A product made in copydesk, with no row in a store file. */
export interface NewProduct {
  key: ProductKey;
  title: string;
  keywords: string[];
  facts?: Record<string, string>;
  copy: ProductCopy;
  /** The copy the store has now (a product converted from another store file's layout); none for a new one. */
  before?: ProductCopy;
}

const SHOPIFY_CURRENT = [
  "Title",
  "URL handle",
  "Description",
  "Vendor",
  "Product category",
  "Type",
  "Tags",
  "Published on online store",
  "Status",
  "SKU",
  "SEO title",
  "SEO description",
];
const SHOPIFY_LEGACY = [
  "Handle",
  "Title",
  "Body (HTML)",
  "Vendor",
  "Product Category",
  "Type",
  "Tags",
  "Published",
  "Variant SKU",
  "SEO Title",
  "SEO Description",
  "Status",
];
const WOOCOMMERCE = [
  "ID",
  "Type",
  "SKU",
  "Name",
  "Published",
  "Short description",
  "Description",
  "Categories",
  "Tags",
];

/**
 * The header of an export with no source file: the columns copydesk fills, in the store's order; a csv also
 * gets a column for each fact named (but one named like a copydesk column, which holds that field).
 */
export function freshHeader(dialect: Dialect, factNames: readonly string[] = []): CatalogHeader {
  const columns: Record<Dialect, readonly string[]> = {
    "shopify-current": SHOPIFY_CURRENT,
    "shopify-legacy": SHOPIFY_LEGACY,
    woocommerce: WOOCOMMERCE,
    csv: COPYDESK_CSV_COLUMNS,
    jsonl: [],
  };
  const names = [...columns[dialect]];
  if (dialect === "csv") {
    const has = columnFinder(names);
    names.push(...factNames.filter((name) => has(name) === undefined));
  }
  return {
    dialect,
    columns: names,
    raw: dialect === "jsonl" ? "" : stringify([names], { record_delimiter: "\n" }),
    bom: false,
    lineEnding: "\n",
  };
}

export function slug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The cells of a new product's row under this header: copy and what identifies it; a store product made
 * here is a draft (not published) until someone publishes it in the store.
 */
export function newProductCells(
  header: CatalogHeader,
  columns: readonly string[],
  product: NewProduct,
  tags: boolean,
): string[] {
  const find = columnFinder(columns);
  const cells = columns.map(() => "");
  const set = (name: string | undefined, value: string | undefined) => {
    const index = name === undefined ? undefined : find(name);
    if (index !== undefined && value !== undefined) cells[index] = value;
  };
  const facts = product.facts ?? {};
  const copy = product.copy;
  const tagText = tags && copy.tags !== undefined ? copy.tags.join(", ") : undefined;
  switch (header.dialect) {
    case "shopify-current":
    case "shopify-legacy": {
      const names = COPY_COLUMNS[header.dialect];
      const current = header.dialect === "shopify-current";
      set("Title", product.title);
      set(current ? "URL handle" : "Handle", product.key.handle ?? slug(product.title));
      set(current ? "SKU" : "Variant SKU", product.key.sku);
      set(names.description_html, copy.description_html);
      set(names.seo_title, copy.seo_title);
      set(names.seo_description, copy.seo_description);
      set("Tags", tagText);
      set("Vendor", facts.vendor);
      set("Type", facts.type);
      set(current ? "Published on online store" : "Published", "FALSE");
      set("Status", "draft");
      break;
    }
    case "woocommerce":
      set("Type", "simple");
      set("SKU", product.key.sku);
      set("Name", product.title);
      set("Published", "-1"); // WooCommerce's importer: 1 published, 0 private, -1 draft
      set("Description", copy.description_html);
      set("Short description", copy.short_description);
      set("Categories", facts.categories);
      set("Tags", tagText);
      break;
    case "csv": {
      // Facts first, into the columns named like them: the product's own fields below take their columns.
      for (const [name, value] of Object.entries(facts)) set(name, value);
      const mapping = header.mapping ?? { title: "title" };
      set(mapping.title, product.title);
      set(mapping.keywords ?? "keywords", product.keywords.join(", "));
      for (const field of ["handle", "sku", "id"] as const) set(mapping[field] ?? field, product.key[field]);
      set(mapping.description ?? "description_html", copy.description_html);
      set(mapping.short_description ?? "short_description", copy.short_description);
      set(mapping.seo_title ?? "seo_title", copy.seo_title);
      set(mapping.seo_description ?? "seo_description", copy.seo_description);
      set(mapping.tags ?? "tags", tagText);
      break;
    }
    case "jsonl":
      throw new Error("JSON Lines products have no cells");
  }
  return cells;
}

export function newProductLine(product: NewProduct, tags: boolean): string {
  const { tags: newTags, ...copy } = product.copy;
  return JSON.stringify({
    ...product.key,
    title: product.title,
    keywords: product.keywords,
    ...(product.facts !== undefined && Object.keys(product.facts).length > 0 ? { facts: product.facts } : {}),
    ...copy,
    ...(tags && newTags !== undefined ? { tags: newTags } : {}),
  });
}
