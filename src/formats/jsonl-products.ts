import { CatalogFileError } from "./errors.ts";
import { existingCopy } from "./existing-copy.ts";
import { LIST_SEPARATORS } from "./generic-products.ts";
import { splitList } from "./html-text.ts";
import type { ImportedProduct, ImportItem, ProductKey, SourceRow } from "./types.ts";

/** The file's lines, each with its exact text (line ending included, BOM left out). */
export async function* jsonlRows(
  bytes: AsyncIterable<Buffer>,
  maxRowBytes: number,
): AsyncIterable<SourceRow> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let number = 0;
  for await (const chunk of bytes) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      number++;
      if (end + 1 - start > maxRowBytes) throw tooLong(number, maxRowBytes);
      yield { number, raw: pending.slice(start, end + 1), cells: [] };
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxRowBytes) throw tooLong(number + 1, maxRowBytes);
  }
  pending += decoder.decode();
  if (pending !== "") yield { number: number + 1, raw: pending, cells: [] };
}

function tooLong(line: number, maxRowBytes: number) {
  return new CatalogFileError(
    "too-large",
    `The file's line ${line} is longer than ${Math.round(maxRowBytes / 1024 / 1024)} MiB; a product that large is not product text.`,
  );
}

const KNOWN = new Set([
  "title",
  "name",
  "keywords",
  "handle",
  "sku",
  "id",
  "description_html",
  "description",
  "short_description",
  "seo_title",
  "seo_description",
  "tags",
  "facts",
]);

/** One product per line: {"title", "keywords", "handle"|"sku"|"id", "facts", "description_html", ...}. */
export function jsonlItem(row: SourceRow): ImportItem {
  if (row.raw.trim() === "") return { type: "blank", row };
  let value: unknown;
  try {
    value = JSON.parse(row.raw);
  } catch {
    return { type: "rejected", row, reason: "is not valid JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { type: "rejected", row, reason: "is not a JSON object" };
  }
  const record = value as Record<string, unknown>;
  const text = (field: string) => {
    const cell = record[field];
    return typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "";
  };
  const list = (field: string) => {
    const cell = record[field];
    if (Array.isArray(cell))
      return cell
        .filter((item) => typeof item === "string" && item.trim() !== "")
        .map((item: string) => item.trim());
    return typeof cell === "string" ? splitList(cell, LIST_SEPARATORS) : [];
  };
  const title = (text("title") || text("name")).trim();
  if (title === "") return { type: "rejected", row, reason: 'has no "title"' };
  const key: ProductKey = {};
  for (const field of ["handle", "sku", "id"] as const) {
    if (text(field).trim() !== "") key[field] = text(field).trim();
  }
  const facts: Record<string, string> = {};
  const given = record.facts;
  if (typeof given === "object" && given !== null && !Array.isArray(given)) {
    for (const [name, fact] of Object.entries(given)) {
      if ((typeof fact === "string" || typeof fact === "number") && String(fact).trim() !== "")
        facts[name] = String(fact).trim();
    }
  }
  for (const [name, fact] of Object.entries(record)) {
    if (
      !KNOWN.has(name) &&
      (typeof fact === "string" || typeof fact === "number") &&
      String(fact).trim() !== ""
    ) {
      facts[name] = String(fact).trim();
    }
  }
  const body = text("description_html") || text("description");
  const short = text("short_description");
  const seoTitle = text("seo_title").trim();
  const seoDescription = text("seo_description").trim();
  const keywords = list("keywords");
  const product: ImportedProduct = {
    key,
    title,
    keywords,
    facts,
    ...existingCopy({ description: body, short, seoTitle, seoDescription }),
    rows: [row],
  };
  return { type: "product", product };
}
