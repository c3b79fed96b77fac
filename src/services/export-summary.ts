import type { RecordStatus } from "../store/records.ts";
import { count } from "../text/count.ts";
import type { ExportResult } from "./export-catalog.ts";

/** How an adapter names the next steps (a tool, or a command-line option). */
export interface ExportSteps {
  readonly approve: string;
  readonly includeWritten: string;
  readonly includeExported: string;
  readonly write: string;
}

const WORDS: Record<RecordStatus, [one: string, many: string]> = {
  draft: ["draft with no copy", "drafts with no copy"],
  written: ["written", "written"],
  needs_review: ["needs review", "need review"],
  approved: ["approved", "approved"],
  exported: ["exported", "exported"],
};

/** The products whose copy did not go out, in words ("3 written, 1 needs review"); "" when none. */
export function waitingText(waiting: ExportResult["waiting"]): string {
  return (Object.entries(waiting) as [RecordStatus, number][])
    .filter(([, n]) => n > 0)
    .map(([status, n]) => count(n, ...WORDS[status]))
    .join(", ");
}

/** The lines that say what an export did and, when it changed no copy cell, why and what to do. */
export function exportSummary(result: ExportResult, steps: ExportSteps): string[] {
  const from =
    result.importId === null
      ? ""
      : result.convertedFrom !== null
        ? `, import ${result.importId} converted from ${result.convertedFrom}`
        : `, import ${result.importId}`;
  const lines = [
    `Wrote ${result.path} (${result.dialect}${from}, ${count(result.rows, "row")}): ` +
      `the copy of ${count(result.products, "product")}${result.added > 0 ? ` (${result.added} made in copydesk, added)` : ""}; ` +
      `${count(result.cellsChanged, "copy cell")} changed in ${count(result.productsChanged, "product")}.`,
  ];
  if (result.notAddedAgain > 0) {
    lines.push(
      `${count(result.notAddedAgain, "product")} made in copydesk and exported before not added again: WooCommerce would create ${result.notAddedAgain === 1 ? "it" : "them"} twice (import the store's export to link ${result.notAddedAgain === 1 ? "it" : "them"}, or ${steps.includeExported} to add ${result.notAddedAgain === 1 ? "it" : "them"} anyway).`,
    );
  }
  const waiting = waitingText(result.waiting);
  if (result.cellsChanged > 0) {
    if (waiting !== "") lines.push(`Kept as imported (nobody let their copy through): ${waiting}.`);
    return lines;
  }
  const written = (result.waiting.written ?? 0) + (result.waiting.needs_review ?? 0);
  if (result.products > 0) {
    lines.push(
      `No copy cell changed: the copy that went out is what the file already had.${waiting !== "" ? ` Not let through yet: ${waiting}.` : ""}`,
    );
  } else if (written > 0) {
    lines.push(
      `No copy cell changed: none approved yet (${waiting}); approve them with ${steps.approve}, or ${steps.includeWritten}.`,
    );
  } else if (waiting !== "") {
    lines.push(`No copy cell changed: no product has copy yet (${waiting}); write them with ${steps.write}.`);
  } else {
    lines.push("No copy cell changed: there are no products to export.");
  }
  return lines;
}
