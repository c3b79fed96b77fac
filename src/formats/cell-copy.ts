import type { CsvDialect } from "./layout.ts";
import type { CopyField, ProductCopy } from "./types.ts";

/** The formula characters a plain cell starts with (see startsWithFormula), white space among them. */
const FORMULA_START = /^[\s=+\-@]+/u;
const FORMULA_CHARACTER = /^[=+\-@]/;

/** Characters a WooCommerce HTML cell must not hold literally: markup (quotes mean nothing in text), `[`, `]`
 * (shortcodes run there), `\` (its importer reads `\n` as a line break, WordPress strips backslashes). */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
};

/** Plain text as a cell holds it: without the formula characters (and white space) it starts with. */
export function plainCell(text: string): string {
  return text.replace(FORMULA_START, "");
}

/** Plain text as HTML: every character with a meaning in HTML or to WooCommerce as an entity. */
export function escapeStoreText(text: string): string {
  return text.replace(/[&<>[\]\\]/g, (character) => ENTITIES[character] ?? character);
}

/**
 * HTML as a cell holds it: leading white space dropped (HTML ignores it) and a leading formula character as
 * its numeric entity, which the store shows as the same character.
 */
export function htmlCell(html: string): string {
  const trimmed = html.replace(/^\s+/u, "");
  return FORMULA_CHARACTER.test(trimmed) ? `&#${trimmed.charCodeAt(0)};${trimmed.slice(1)}` : trimmed;
}

/** Sanitised HTML for WooCommerce, which runs shortcodes in it: brackets and backslashes as entities. */
const wooHtml = (html: string): string =>
  html.replace(/[[\]\\]/g, (character) => ENTITIES[character] ?? character);

/** A copy field as the cell of this dialect holds it; "" when nothing is left (the cell keeps its text). */
function cellOf(dialect: CsvDialect, field: Exclude<CopyField, "tags">, text: string): string {
  const woo = dialect === "woocommerce";
  if (field === "description_html") return htmlCell(woo ? wooHtml(text) : text);
  // WooCommerce renders its short description as HTML; the copy's is plain text.
  if (field === "short_description" && woo) return htmlCell(escapeStoreText(text));
  return plainCell(text);
}

/**
 * Copy as a store file's cells hold it, for CSV dialects: plain text escaped where the column is HTML, and no
 * cell starting as a formula. A field equal to `before` (the cell the store has now) is left as it is: an
 * imported cell copydesk does not change keeps its text.
 */
export function cellCopy(dialect: CsvDialect, copy: ProductCopy, before: ProductCopy = {}): ProductCopy {
  const cells: ProductCopy = {};
  for (const field of ["description_html", "short_description", "seo_title", "seo_description"] as const) {
    const text = copy[field];
    if (text === undefined) continue;
    if (text === before[field]) cells[field] = text;
    else {
      const cell = cellOf(dialect, field, text);
      if (cell !== "") cells[field] = cell;
    }
  }
  if (copy.tags !== undefined) {
    cells.tags =
      copy.tags.join(", ") === (before.tags ?? []).join(", ")
        ? copy.tags
        : copy.tags.map(plainCell).filter((tag) => tag !== "");
  }
  return cells;
}
