import { existingCopy } from "./existing-copy.ts";
import { splitList } from "./html-text.ts";
import type { Layout } from "./layout.ts";
import { cellOf, isBlank, rawCellOf } from "./row-cells.ts";
import type { ColumnMapping, ImportedProduct, ImportItem, SourceRow } from "./types.ts";

export const LIST_SEPARATORS = /[,;|]/;

/** One product per row; the mapped columns say what each is, every other filled column is a fact. */
export function genericGrouper(layout: Layout) {
  const mapping = layout.mapping as ColumnMapping;
  const mapped = new Set<number>(Object.values(layout.copyColumns));
  for (const name of Object.values(mapping)) {
    const index = layout.find(name);
    if (index !== undefined) mapped.add(index);
  }
  const factNames = uniqueNames(layout.columns);
  return {
    push(row: SourceRow): ImportItem[] {
      if (isBlank(row)) return [{ type: "blank", row }];
      const title = cellOf(layout, row, mapping.title);
      if (title === "")
        return [{ type: "rejected", row, reason: `has no title ("${mapping.title}" is empty)` }];
      const facts: Record<string, string> = {};
      row.cells.forEach((cell, index) => {
        const name = factNames[index];
        if (!mapped.has(index) && name !== undefined && cell.trim() !== "") facts[name] = cell.trim();
      });
      const copyCell = (field: keyof Layout["copyColumns"]) => {
        const index = layout.copyColumns[field];
        return index === undefined ? "" : (row.cells[index] ?? "");
      };
      const key = Object.fromEntries(
        (["handle", "sku", "id"] as const)
          .map((field) => [field, mapping[field] === undefined ? "" : cellOf(layout, row, mapping[field])])
          .filter(([, value]) => value !== ""),
      );
      const body = copyCell("description_html");
      const short = copyCell("short_description");
      const seoTitle = copyCell("seo_title").trim();
      const seoDescription = copyCell("seo_description").trim();
      const product: ImportedProduct = {
        key,
        title,
        keywords:
          mapping.keywords === undefined
            ? []
            : splitList(rawCellOf(layout, row, mapping.keywords), LIST_SEPARATORS),
        facts,
        ...existingCopy({ description: body, short, seoTitle, seoDescription }),
        rows: [row],
      };
      return [{ type: "product", product }];
    },
    end: (): ImportItem[] => [],
  };
}

/** Fact names from header names; a repeated name gets " (2)", " (3)"... */
function uniqueNames(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const name = column.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
