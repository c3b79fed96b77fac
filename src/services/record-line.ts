import { failedChecks } from "../checks/index.ts";
import type { AnyKind } from "../kinds/index.ts";
import type { StoredRecord } from "../store/records.ts";

/** How much of the main text a list shows of each record. */
export const EXCERPT_LENGTH = 120;

/** The start of a record's main text on one line, cut at a word with "…"; null while a draft. */
export function excerptOf(kind: AnyKind, record: StoredRecord): string | null {
  const shown = record.current;
  if (!shown) return null;
  const text = String(shown.copy[kind.mainField] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if ([...text].length <= EXCERPT_LENGTH) return text;
  const cut = [...text].slice(0, EXCERPT_LENGTH).join("");
  const word = cut.lastIndexOf(" ");
  return `${(word > EXCERPT_LENGTH / 2 ? cut.slice(0, word) : cut).trimEnd()}…`;
}

/** The checks that fail on the version shown, by name; null when they were not run (or a draft). */
export function failingOf(record: StoredRecord): string[] | null {
  const checks = record.current?.checks;
  return checks ? failedChecks(checks).map((c) => c.check) : null;
}

export interface LineOptions {
  /** The fields the copy changes against the store's copy, when known. */
  readonly changes?: readonly string[] | undefined;
  /** How a draft gets written, in the words of the caller's interface (a tool, a command). */
  readonly draftHint: string;
}

/**
 * A record on one line, for a person or a chat model: title, id, version, status, failing checks, the
 * fields it changes against the store's copy (when known), then the start of its main text.
 */
export function recordLine(kind: AnyKind, record: StoredRecord, options: LineOptions): string {
  const { changes, draftHint } = options;
  const shown = record.current;
  if (!shown) return `- ${record.title} (id ${record.id}): draft, no copy yet (${draftHint})`;
  const failing = failingOf(record) ?? [];
  const facts = [
    `id ${record.id}`,
    `v${shown.version}`,
    record.status,
    ...(failing.length > 0 ? [`failing: ${failing.join(", ")}`] : []),
    ...(changes === undefined
      ? []
      : [changes.length > 0 ? `changes: ${changes.join(", ")}` : "same as the store's copy"]),
  ];
  return `- ${record.title} (${facts.join(", ")}): ${excerptOf(kind, record) ?? ""}`;
}
