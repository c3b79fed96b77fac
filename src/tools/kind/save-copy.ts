import { z } from "zod";
import { cleanStrings } from "../../copywriting/clean-strings.ts";
import type { AnyKind } from "../../kinds/index.ts";
import type { StoredRecord } from "../../store/records.ts";
import { type AnyTool, defineTool, type ToolDeps } from "../define-tool.ts";
import { NotFoundError, TextRejectedError } from "../failures.ts";
import { HOST_MODEL_UNREPORTED } from "../host-model.ts";
import { reportedModel } from "../schemas.ts";
import { addVersion } from "./add-version.ts";
import { copyContext } from "./context.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { presentRecord, recordSchema, recordText } from "./record-output.ts";

/** Copies saved in one call: a page of a catalog job's briefs. */
const MAX_ITEMS = 25;

/**
 * save_product_copy, save_post_copy: the calling model's (or a person's) copy, checked, as a new version;
 * one record, or several at once (a page of a write_catalog job).
 */
export function saveCopyTool(kind: AnyKind): AnyTool {
  const id = idField(kind);
  const copyField = kind.copyInput.describe("The copy, every field filled, in the shape the brief gives");
  return defineTool({
    name: kind.tools.saveCopy,
    title: `Save ${kind.noun} copy`,
    description:
      `Save copy you wrote for a stored ${kind.noun} as its new version: completes a draft left by ` +
      `${kind.tools.create} when no model could be asked, or replaces the copy (earlier versions are kept). ` +
      "Give id and copy, or items for several at once (with job_id for a page of write_catalog). The same " +
      "checks run as on generated copy, and the result reports them.",
    inputSchema: {
      id: id.optional(),
      copy: copyField.optional(),
      items: z
        .array(z.object({ id, copy: copyField, model: reportedModel }))
        .min(1)
        .max(MAX_ITEMS, `give at most ${MAX_ITEMS} items at once`)
        .optional()
        .describe(`Several at once: [{id, copy}, ...] (at most ${MAX_ITEMS})`),
      job_id: z.string().max(100).optional().describe("The write_catalog job these belong to, if any"),
      model: reportedModel,
      edited_by_person: z
        .boolean()
        .optional()
        .describe("True when a person edited the copy by hand: it is then marked needs_review"),
    },
    outputSchema: {
      [kind.key]: recordSchema(kind).optional(),
      [kind.listKey]: z.array(recordSchema(kind)).optional(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    async handle(input, deps) {
      const single = input.id !== undefined || input.copy !== undefined;
      if (
        single === (input.items !== undefined) ||
        (single && (input.id === undefined || input.copy === undefined))
      ) {
        throw new TextRejectedError("Give id and copy for one, or items: [{id, copy}, ...] for several.");
      }
      const jobId = input.job_id;
      if (jobId !== undefined && !deps.store().jobs.get(jobId)) {
        throw new NotFoundError(`There is no job with id "${jobId}". list_jobs shows the jobs.`);
      }
      const items = input.items ?? [{ id: String(input.id), copy: input.copy as Record<string, unknown> }];
      const saved = items.map((item) =>
        saveOne(kind, deps, {
          id: item.id,
          copy: item.copy,
          model: ("model" in item ? item.model : undefined) ?? input.model,
          jobId,
          edited: input.edited_by_person === true,
        }),
      );
      const text = saved.map((record) => `Saved ${kind.noun} ${recordText(kind, record)}`).join("\n\n");
      return single
        ? { structured: { [kind.key]: presentRecord(kind, saved[0] as StoredRecord) }, text }
        : { structured: { [kind.listKey]: saved.map((record) => presentRecord(kind, record, false)) }, text };
    },
  });
}

function saveOne(
  kind: AnyKind,
  deps: ToolDeps,
  item: {
    id: string;
    copy: Record<string, unknown>;
    model: string | undefined;
    jobId: string | undefined;
    edited: boolean;
  },
): StoredRecord {
  const store = deps.store();
  const record = findRecord(kind, store, item.id);
  const copy = kind.finish(cleanStrings(item.copy));
  const checks = kind.checks(copy, record, copyContext(kind, record, deps));
  // A version counts for a job only when the job still waits for this record.
  const forJob =
    item.jobId !== undefined && store.jobs.pending(item.jobId).some((pending) => pending.id === record.id)
      ? { jobId: item.jobId }
      : {};
  return addVersion(
    kind,
    store,
    record.id,
    {
      source: item.edited ? "edited" : "saved",
      instructions: null,
      checks,
      copy,
      model: cleanStrings(item.model) || HOST_MODEL_UNREPORTED,
      stopReason: null,
      route: "host-model",
      ...forJob,
    },
    deps,
  );
}
