import type { Check } from "./types.ts";

/**
 * What a spreadsheet reads as the start of a formula (OWASP, CSV injection): = + - @, tab and carriage
 * return, also after leading spaces (stores and spreadsheets trim them).
 */
const FORMULA_START = /^ *[=+\-@\t\r]/;

/** Whether a cell with this text would run as a formula in a spreadsheet. */
export function startsWithFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Copy texts that start like a formula: a store file's cell would run it when opened in a spreadsheet, so
 * the export drops those characters (docs/decisions/store-file-cells.md) and the writer is asked to start
 * with a word. Undefined when none does, so clean copy carries no check that cannot fail.
 */
export function formulaStartCheck(texts: readonly string[]): Check | undefined {
  const found = [...new Set(texts.filter(startsWithFormula))];
  if (found.length === 0) return undefined;
  const shown = found
    .slice(0, 3)
    .map((text) => `"${text.trim().slice(0, 30)}${text.trim().length > 30 ? "…" : ""}"`)
    .join(", ");
  return {
    check: "formula_start",
    ok: false,
    detail: `${shown} ${found.length === 1 ? "starts" : "start"} with =, +, - or @, which a spreadsheet runs as a formula (the export drops it); start with a word`,
  };
}
