import { existingCopy } from "./existing-copy.ts";
import { splitList } from "./html-text.ts";
import type { Layout } from "./layout.ts";
import { cellOf, isBlank, rawCellOf } from "./row-cells.ts";
import type { ImportedProduct, ImportItem, SourceRow } from "./types.ts";
import { perVariant, variantLabels } from "./variant-facts.ts";

const GRAMS_PER: Record<string, number> = { g: 1, kg: 1000, lb: 453.59237, lbs: 453.59237, oz: 28.349523125 };

/** One product per handle: its rows share the handle, and its first row carries title, body and SEO. */
export function shopifyGrouper(layout: Layout) {
  const current = layout.dialect === "shopify-current";
  const handleColumn = current ? "URL handle" : "Handle";
  const finished = new Set<string>();
  const metafields = metafieldColumns(layout);
  let open: { handle: string; rows: SourceRow[] } | undefined;

  const close = (): ImportItem[] => {
    if (open === undefined) return [];
    const { handle, rows } = open;
    open = undefined;
    finished.add(handle);
    const first = rows[0] as SourceRow;
    if (cellOf(layout, first, "Title") === "") {
      const reason = `row ${first.number} starts product "${handle}" but has no Title`;
      return rows.map((row) =>
        row === first
          ? { type: "rejected", row, reason }
          : {
              type: "rejected",
              row,
              reason: `belongs to product "${handle}", rejected at row ${first.number}`,
            },
      );
    }
    return [{ type: "product", product: productOf(layout, handle, rows, current, metafields) }];
  };

  return {
    push(row: SourceRow): ImportItem[] {
      if (isBlank(row)) return [{ type: "blank", row }];
      const handle = cellOf(layout, row, handleColumn);
      if (handle === "") return [{ type: "rejected", row, reason: `has no ${handleColumn}` }];
      if (open?.handle === handle) {
        open.rows.push(row);
        return [];
      }
      const items = close();
      if (finished.has(handle)) items.push({ type: "attached", to: { handle }, rows: [row] });
      else open = { handle, rows: [row] };
      return items;
    },
    end: close,
  };
}

/** The weight in the unit each variant shows it in; per variant when they differ (see perVariant). */
function variantWeight(layout: Layout, rows: readonly SourceRow[], current: boolean): string {
  const gramsColumn = current ? "Weight value (grams)" : "Variant Grams";
  const unitColumn = current ? "Weight unit for display" : "Variant Weight Unit";
  const weighed = rows.filter((row) => Number(cellOf(layout, row, gramsColumn)) > 0);
  const options = weighed.map((row) =>
    [1, 2, 3].map((n) => {
      const value = cellOf(layout, row, `Option${n} value`);
      return value === "Default Title" ? "" : value;
    }),
  );
  const labels = variantLabels(options);
  return perVariant(
    weighed.map((row, index) => {
      const grams = Number(cellOf(layout, row, gramsColumn));
      const unit = cellOf(layout, row, unitColumn).toLowerCase() || "g";
      const per = GRAMS_PER[unit];
      return { label: labels[index] ?? "", value: per ? `${Number((grams / per).toFixed(2))} ${unit}` : "" };
    }),
  );
}

/** Metafield columns ("Color (product.metafields.shopify.color-pattern)") by their label. */
function metafieldColumns(layout: Layout): [label: string, index: number][] {
  const found: [label: string, index: number][] = [];
  for (const [index, name] of layout.columns.entries()) {
    const label = /^(.+?) \(product\.metafields\.[^)]+\)$/.exec(name.trim())?.[1];
    if (label !== undefined) found.push([label, index]);
  }
  return found;
}

function productOf(
  layout: Layout,
  handle: string,
  rows: SourceRow[],
  current: boolean,
  metafields: [label: string, index: number][],
): ImportedProduct {
  const first = rows[0] as SourceRow;
  const cell = (name: string) => cellOf(layout, first, name);
  const facts: Record<string, string> = {};
  const put = (name: string, value: string) => {
    // The first name wins: a metafield labelled like an option ("Color") does not hide the option's values.
    if (value !== "" && facts[name] === undefined) facts[name] = value;
  };
  put("vendor", cell("Vendor"));
  put("type", cell("Type"));
  put("category", cell("Product category"));
  for (let n = 1; n <= 3; n++) {
    const name = cell(`Option${n} name`);
    if (name === "" || name === "Title") continue;
    const values = new Set<string>();
    for (const row of rows) {
      const value = cellOf(layout, row, `Option${n} value`);
      if (value !== "" && value !== "Default Title") values.add(value);
    }
    put(name, [...values].join(", "));
  }
  put("weight", variantWeight(layout, rows, current));
  for (const [label, index] of metafields) put(label, (first.cells[index] ?? "").trim());
  const body = rawCellOf(layout, first, current ? "Description" : "Body (HTML)");
  const seoTitle = cell("SEO title");
  const seoDescription = cell("SEO description");
  return {
    key: { handle },
    title: cell("Title"),
    keywords: splitList(cell("Tags")),
    facts,
    ...existingCopy({ description: body, seoTitle, seoDescription }),
    rows,
  };
}
