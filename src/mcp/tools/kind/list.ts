import { z } from "zod";
import { COMPARED_FIELDS } from "../../../formats/store-copy.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { EXCERPT_LENGTH, excerptOf, failingOf, recordLine } from "../../../services/record-line.ts";
import { storeCopies } from "../../../services/store-copy-view.ts";
import { RECORD_STATUSES, type StoredRecord } from "../../../store/records.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { nextCursor, pageInput } from "../schemas.ts";
import { recordSchema } from "./record-schema.ts";

/**
 * A page's structured part stays under this many characters of JSON, so the whole result (which also
 * carries a text version) stays well under 1 MiB, the most the common clients accept in one message.
 */
export const PAGE_BUDGET = 400_000;

const summarySchemas = new WeakMap<AnyKind, z.ZodType<Record<string, unknown>>>();

/** A record as a list shows it by default: enough to review and pick, not its copy. */
function summarySchema(kind: AnyKind): z.ZodType<Record<string, unknown>> {
  let schema = summarySchemas.get(kind);
  if (!schema) {
    schema = z.object({
      id: z.string().describe(`The ${kind.noun}'s id`),
      title: z.string(),
      status: z.enum(RECORD_STATUSES),
      version: z.number().int().nullable().describe("The latest version; null while a draft"),
      failing: z
        .array(z.string())
        .nullable()
        .describe("The checks that fail on it, by name; null when none were run (a draft)"),
      excerpt: z
        .string()
        .nullable()
        .describe(
          `The start of its ${kind.mainField} (about ${EXCERPT_LENGTH} characters); null while a draft`,
        ),
      changes: z
        .array(z.enum(COMPARED_FIELDS))
        .optional()
        .describe(
          "The copy fields it changes against the store's current copy (imported, or given as existing_description); absent while a draft or when copydesk knows no store copy",
        ),
    });
    summarySchemas.set(kind, schema);
  }
  return schema;
}

/** list_products, list_posts: newest first, paged, bounded in size; compact unless asked for full copy. */
export function listTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.list,
    title: `List ${kind.plural}`,
    description:
      `List stored ${kind.plural}, newest first: id, title, status, version, failing checks and the start of ` +
      `the ${kind.mainField}${kind.name === "product" ? ", and which copy fields change against the store's copy" : ""}. ` +
      `For the full copy, ${kind.tools.get} by id (or full: true here).`,
    inputSchema: {
      ...pageInput,
      status: z
        .enum(RECORD_STATUSES)
        .optional()
        .describe("Only those with this status: draft, written, needs_review, approved or exported"),
      full: z
        .boolean()
        .default(false)
        .describe(`True to get every ${kind.noun}'s full record and copy instead of a summary (larger)`),
    },
    outputSchema: {
      [kind.listKey]: z
        .array(z.union([summarySchema(kind), recordSchema(kind)]))
        .describe(`Summaries by default; full records with full: true`),
      nextCursor,
      trimmed: z.boolean().optional().describe("True when the page was cut short to keep the result small"),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
    async handle({ limit, cursor, status, full }, deps) {
      const store = deps.store();
      const page = store.list(kind.name, { limit, cursor, status });
      const stored = storeCopies(store, page.items);
      const items: Record<string, unknown>[] = [];
      const shown: StoredRecord[] = [];
      let size = 0;
      for (const record of page.items) {
        const changes = stored.get(record.seq)?.changes;
        const item = full
          ? presentRecord(kind, record, false)
          : {
              id: record.id,
              title: record.title,
              status: record.status,
              version: record.current?.version ?? null,
              failing: failingOf(record),
              excerpt: excerptOf(kind, record),
              ...(changes && record.current ? { changes } : {}),
            };
        size += JSON.stringify(item).length;
        if (items.length > 0 && size > PAGE_BUDGET) break;
        items.push(item);
        shown.push(record);
      }
      const trimmed = shown.length < page.items.length;
      const last = shown.at(-1);
      const next = trimmed && last ? store.cursorAfter(last) : page.nextCursor;
      const lines = shown.map((record) =>
        recordLine(kind, record, {
          changes: stored.get(record.seq)?.changes,
          draftHint: "get it by id for the brief",
        }),
      );
      const more = next
        ? `${trimmed ? `Only ${shown.length} fit in one answer. ` : ""}More ${kind.plural}: call again with cursor "${next}".`
        : `That is every ${kind.noun}${status ? ` with status ${status}` : ""}.`;
      const then =
        `Full copy and checks: ${kind.tools.get} with an id.` +
        (kind.name === "product" ? " Let copy through to export: approve_products with the ids." : "");
      return {
        structured: {
          [kind.listKey]: items,
          ...(next ? { nextCursor: next } : {}),
          ...(trimmed ? { trimmed: true } : {}),
        },
        text:
          lines.length > 0
            ? `${lines.join("\n")}\n\n${more} ${then}`
            : `No ${kind.plural}${status ? ` with status ${status}` : ""} yet: create one with ${kind.tools.create}.`,
      };
    },
  });
}
