import { z } from "zod";
import { failedChecks } from "../../copy/checks/index.ts";
import type { AnyKind } from "../../kinds/index.ts";
import { RECORD_STATUSES, type StoredRecord } from "../../store/records.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { nextCursor, pageInput } from "../schemas.ts";
import { presentRecord, recordSchema } from "./record-output.ts";

/**
 * A page's structured part stays under this many characters of JSON, so the whole result (which also
 * carries a text version) stays well under 1 MiB, the most the common clients accept in one message.
 */
export const PAGE_BUDGET = 400_000;
const MAIN_TEXT_IN_LINE = 160;

/** list_products, list_posts: newest first, paged, bounded in size. */
export function listTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.list,
    title: `List ${kind.plural}`,
    description:
      `List stored ${kind.plural}, newest first, with their copy and checks` +
      (kind.name === "post" ? " (not their full text: use get_post)." : "."),
    inputSchema: {
      ...pageInput,
      status: z
        .enum(RECORD_STATUSES)
        .optional()
        .describe("Only those with this status: draft, written, needs_review, approved or exported"),
    },
    outputSchema: {
      [kind.listKey]: z.array(recordSchema(kind)),
      nextCursor,
      trimmed: z.boolean().optional().describe("True when the page was cut short to keep the result small"),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
    async handle({ limit, cursor, status }, deps) {
      const store = deps.store();
      const page = store.list(kind.name, { limit, cursor, status });
      const items: Record<string, unknown>[] = [];
      const shown: StoredRecord[] = [];
      let size = 0;
      for (const record of page.items) {
        const item = presentRecord(kind, record, false);
        size += JSON.stringify(item).length;
        if (items.length > 0 && size > PAGE_BUDGET) break;
        items.push(item);
        shown.push(record);
      }
      const trimmed = shown.length < page.items.length;
      const last = shown.at(-1);
      const next = trimmed && last ? store.cursorAfter(last) : page.nextCursor;
      const lines = shown.map((record) => line(kind, record));
      const more = next
        ? `\n\n${trimmed ? `Only ${shown.length} fit in one answer. ` : ""}More ${kind.plural}: call again with cursor "${next}".`
        : "";
      return {
        structured: {
          [kind.listKey]: items,
          ...(next ? { nextCursor: next } : {}),
          ...(trimmed ? { trimmed: true } : {}),
        },
        text:
          (lines.length > 0
            ? lines.join("\n")
            : `No ${kind.plural} yet: create one with ${kind.tools.create}.`) + more,
      };
    },
  });
}

function line(kind: AnyKind, record: StoredRecord): string {
  const shown = record.current;
  if (!shown) return `- ${record.title} (id ${record.id}): draft, no copy yet (get it by id for the brief)`;
  const text = String(shown.copy[kind.mainField] ?? "").replace(/\s+/g, " ");
  const failed = shown.checks ? failedChecks(shown.checks).map((c) => c.check) : [];
  return (
    `- ${record.title} (id ${record.id}, v${shown.version}, ${record.status}${failed.length > 0 ? `, failing: ${failed.join(", ")}` : ""}): ` +
    (text.length > MAIN_TEXT_IN_LINE ? `${text.slice(0, MAIN_TEXT_IN_LINE)}…` : text)
  );
}
