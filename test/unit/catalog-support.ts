import { readFile } from "node:fs/promises";
import { fileBytes, textBytes } from "../../src/formats/byte-source.ts";
import { type ExportRow, exportCatalog } from "../../src/formats/export.ts";
import { type OpenCatalogFileOptions, openCatalogFile } from "../../src/formats/import.ts";
import type { NewProduct } from "../../src/formats/new-rows.ts";
import type {
  CatalogHeader,
  ImportedProduct,
  ImportItem,
  ProductCopy,
  SourceRow,
} from "../../src/formats/types.ts";

export const FIXTURES = new URL("../fixtures/catalog/", import.meta.url);

export function fixturePath(name: string): string {
  return new URL(name, FIXTURES).pathname;
}

export async function fixtureText(name: string): Promise<string> {
  return readFile(fixturePath(name), "utf8");
}

export interface Imported {
  header: CatalogHeader;
  items: ImportItem[];
  products: ImportedProduct[];
  /** Every row of the file but the header, in file order. */
  rows: SourceRow[];
}

export async function importAll(
  source: { path: string } | { text: string },
  options: OpenCatalogFileOptions = {},
): Promise<Imported> {
  const opened = await openCatalogFile(
    "path" in source ? fileBytes(source.path) : textBytes(source.text),
    options,
  );
  const items: ImportItem[] = [];
  for await (const item of opened.items) items.push(item);
  const rows = items
    .flatMap((item) =>
      item.type === "product" ? item.product.rows : item.type === "attached" ? item.rows : [item.row],
    )
    .sort((a, b) => a.number - b.number);
  const products = items.flatMap((item) => (item.type === "product" ? [item.product] : []));
  return { header: opened.header, items, products, rows };
}

/** Copy with the characters that make CSV hard: quotes, commas, line breaks. */
export function copyFor(product: ImportedProduct): ProductCopy {
  return {
    description_html: `<p>${product.title}, "new" copy.</p>\n<p>Second line.</p>`,
    short_description: `Short: ${product.title}`,
    seo_title: `${product.title} | Shop`,
    seo_description: `Buy ${product.title}, today.`,
    tags: ["new", product.title.toLowerCase()],
  };
}

export async function exportText(
  imported: Imported,
  copies: Map<ImportedProduct, ProductCopy>,
  added: NewProduct[] = [],
  options: { tags?: boolean } = {},
): Promise<string> {
  const firstRows = new Map<SourceRow, ProductCopy>();
  for (const [product, copy] of copies) firstRows.set(product.rows[0] as SourceRow, copy);
  const rows: ExportRow[] = imported.rows.map((row) => {
    const copy = firstRows.get(row);
    return copy === undefined ? { raw: row.raw } : { raw: row.raw, copy };
  });
  const { chunks } = exportCatalog(imported.header, rows, added, options);
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}
