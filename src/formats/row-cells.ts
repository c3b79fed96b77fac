import type { Layout } from "./layout.ts";
import type { SourceRow } from "./types.ts";

/** The trimmed cell under a column name; "" when the column is absent or the row is short. */
export function cellOf(layout: Layout, row: SourceRow, name: string): string {
  const index = layout.find(name);
  return index === undefined ? "" : (row.cells[index] ?? "").trim();
}

/** The cell as written (HTML keeps its whitespace). */
export function rawCellOf(layout: Layout, row: SourceRow, name: string): string {
  const index = layout.find(name);
  return index === undefined ? "" : (row.cells[index] ?? "");
}

export function isBlank(row: SourceRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}
