import { parse } from "csv-parse/sync";
import { detectLayout, type FormatChoice } from "./layout.ts";
import { splitLineEnding } from "./raw-fields.ts";
import type { CatalogHeader } from "./types.ts";

/** The copy fields an export writes by default, as a reviewer compares them (tags only on request). */
export const COMPARED_FIELDS = ["description", "short_description", "seo_title", "seo_description"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/**
 * The copy cells a product has in the store now, as its row of the store file has them (the description and
 * a WooCommerce short description are HTML). A field is null where the file has no column for it (a Shopify
 * file has no short description): an export cannot change it there. An empty cell is "".
 */
export type StoreCells = Record<ComparedField, string | null>;

const FORMAT: Record<Exclude<CatalogHeader["dialect"], "jsonl">, FormatChoice> = {
  "shopify-current": "shopify",
  "shopify-legacy": "shopify",
  woocommerce: "woocommerce",
  csv: "csv",
};

/** A row's copy cells as its export would overwrite them. */
export function storeCellsOf(header: CatalogHeader, raw: string): StoreCells {
  const [text] = splitLineEnding(raw);
  if (header.dialect === "jsonl") {
    let record: Record<string, unknown> = {};
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === "object" && value !== null) record = value as Record<string, unknown>;
    } catch {
      // A line that does not parse was rejected at import: it has no copy to show.
    }
    const cell = (field: string) => (typeof record[field] === "string" ? (record[field] as string) : "");
    return {
      description: cell("description_html") || cell("description"),
      short_description: cell("short_description"),
      seo_title: cell("seo_title").trim(),
      seo_description: cell("seo_description").trim(),
    };
  }
  const layout = detectLayout(header.columns, {
    format: FORMAT[header.dialect],
    ...(header.mapping !== undefined ? { mapping: header.mapping } : {}),
  });
  const cells =
    (parse(text, { relax_quotes: true, relax_column_count: true })[0] as string[] | undefined) ?? [];
  // A generic CSV's export adds the columns it lacks, so every field can change there.
  const cell = (field: "description_html" | ComparedField): string | null => {
    const index = layout.copyColumns[field === "description" ? "description_html" : field];
    if (index === undefined) return header.dialect === "csv" ? "" : null;
    return cells[index] ?? "";
  };
  return {
    description: cell("description"),
    short_description: cell("short_description"),
    seo_title: cell("seo_title")?.trim() ?? null,
    seo_description: cell("seo_description")?.trim() ?? null,
  };
}
