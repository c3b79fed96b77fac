import { failedChecks } from "../../copy/checks/index.ts";
import type { AnyKind } from "../../kinds/index.ts";
import type { StoredRecord } from "../../store/records.ts";

/** How much of the main text a line shows. */
const EXCERPT = 160;

/**
 * One record in one line (title, id, version, status, failing checks, an excerpt of its main text): what a
 * list shows, on the command line and to a chat model alike. `draftHint` says how to get a draft written.
 */
export function recordLine(kind: AnyKind, record: StoredRecord, draftHint: string): string {
  const shown = record.current;
  if (!shown) return `- ${record.title} (id ${record.id}): draft, no copy yet (${draftHint})`;
  const text = String(shown.copy[kind.mainField] ?? "").replace(/\s+/g, " ");
  const failed = shown.checks ? failedChecks(shown.checks).map((c) => c.check) : [];
  return (
    `- ${record.title} (id ${record.id}, v${shown.version}, ${record.status}${failed.length > 0 ? `, failing: ${failed.join(", ")}` : ""}): ` +
    (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text)
  );
}
