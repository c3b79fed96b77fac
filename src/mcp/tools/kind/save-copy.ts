import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { failureMessage, NotFoundError, TextRejectedError } from "../../../services/failures.ts";
import { presentRecord } from "../../../services/present-record.ts";
import type { StoredRecord } from "../../../store/records.ts";
import { cleanStrings } from "../../../text/clean-strings.ts";
import { checkedLater, issuesText } from "../checked-later.ts";
import { type AnyTool, defineTool, type ToolDeps } from "../define-tool.ts";
import { HOST_MODEL_UNREPORTED } from "../host-model.ts";
import { reportedModel } from "../schemas.ts";
import { addVersion } from "./add-version.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { recordSchema } from "./record-schema.ts";
import {
  nextStep,
  plural,
  type Rejected,
  rejectedLine,
  rejectedSchema,
  savedJobOf,
  savedJobSchema,
  savedLine,
  savedOf,
  savedSchema,
} from "./saved-output.ts";
import { settleJob } from "./settle-job.ts";

interface SavedItem {
  readonly saved: StoredRecord;
  /** The job the version counts for, if any. */
  readonly jobId: string | undefined;
  /** The copy was the latest version's already: nothing was stored. */
  readonly unchanged: boolean;
}

/** Copies saved in one call: a page of a catalog job's briefs. */
const MAX_ITEMS = 25;

/**
 * save_product_copy, save_post_copy: the calling model's (or a person's) copy, checked, as a new version;
 * one record, or several at once (a page of a write_catalog job). Copy saved for a record that a job still
 * waits for counts for that job, job_id or not, so resume_job never hands its brief out again.
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
      "checks run as on generated copy. The result has one line per item (version, status, failing checks), " +
      "the items not saved by index, and the next step.",
    inputSchema: {
      id: id.optional(),
      copy: copyField.optional(),
      items: z
        .array(z.object({ id, copy: checkedLater(copyField), model: reportedModel }))
        .min(1)
        .max(MAX_ITEMS, `give at most ${MAX_ITEMS} items at once`)
        .optional()
        .describe(
          `Several at once: [{id, copy}, ...] (at most ${MAX_ITEMS}); each valid item is saved, each invalid one reported by its index`,
        ),
      job_id: z.string().max(100).optional().describe("The write_catalog job these belong to, if any"),
      model: reportedModel,
      edited_by_person: z
        .boolean()
        .optional()
        .describe("True when a person edited the copy by hand: it is then marked needs_review"),
    },
    outputSchema: {
      saved: z.array(savedSchema).describe("One entry per item saved"),
      rejected: z
        .array(rejectedSchema)
        .describe("Items not saved, by index: fix these and send only them again"),
      job: savedJobSchema.optional(),
      next: z.string().describe("What to do next"),
      [kind.key]: recordSchema(kind)
        .optional()
        .describe(`For a single save: the ${kind.noun} as stored (what a review view shows)`),
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
      const store = deps.store();
      const jobId = input.job_id;
      if (jobId !== undefined && !store.jobs.get(jobId)) {
        throw new NotFoundError(`There is no job with id "${jobId}". list_jobs shows the jobs.`);
      }
      const edited = input.edited_by_person === true;
      if (single) {
        const record = saveOne(kind, deps, {
          id: String(input.id),
          copy: input.copy as Record<string, unknown>,
          model: input.model,
          jobId,
          edited,
        });
        return reply(kind, deps, [record], [], jobId ?? record.jobId, {
          [kind.key]: presentRecord(kind, record.saved),
        });
      }
      const saved: SavedItem[] = [];
      const rejected: Rejected[] = [];
      const jobs = new Set<string>();
      for (const [index, item] of (input.items ?? []).entries()) {
        const parsed = copyField.safeParse(item.copy);
        if (!parsed.success) {
          rejected.push({ index, id: item.id, error: issuesText(parsed.error) });
          continue;
        }
        try {
          const one = saveOne(kind, deps, {
            id: item.id,
            copy: parsed.data,
            model: item.model ?? input.model,
            jobId,
            edited,
          });
          saved.push(one);
          if (one.jobId !== undefined) jobs.add(one.jobId);
        } catch (error) {
          const reason = failureMessage(error);
          if (reason === undefined) throw error;
          rejected.push({ index, id: item.id, error: reason });
        }
      }
      // A page is one job's; saves that counted for another job (a product in two) settle it too.
      const shown = jobId ?? [...jobs][0];
      for (const other of jobs) if (other !== shown) settleJob(deps, other);
      return reply(kind, deps, saved, rejected, shown);
    },
  });
}

/** The lines and the next step; the job, once nothing of it is left to write, is done. */
function reply(
  kind: AnyKind,
  deps: ToolDeps,
  saved: readonly SavedItem[],
  rejected: readonly Rejected[],
  jobId: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const job = jobId === undefined ? undefined : settleJob(deps, jobId);
  const entries = saved.map((item) => savedOf(item.saved, item.unchanged));
  const head =
    saved.length === 1 && rejected.length === 0
      ? `Saved the ${kind.noun}:`
      : `Saved ${saved.length} of ${plural(saved.length + rejected.length, kind.noun)}:`;
  const lines = [head, ...saved.map((item) => savedLine(item.saved, item.unchanged))];
  if (rejected.length > 0) lines.push("Not saved:", ...rejected.map(rejectedLine));
  const next = nextStep(kind, entries, rejected, job);
  lines.push(next);
  return {
    structured: {
      saved: entries,
      rejected: [...rejected],
      ...(job ? { job: savedJobOf(job) } : {}),
      next,
      ...extra,
    },
    text: lines.join("\n"),
  };
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
): SavedItem {
  const store = deps.store();
  const record = findRecord(kind, store, item.id);
  const copy = kind.finish(cleanStrings(item.copy));
  // A version counts for the job that still waits for this record (the one named first), however saved.
  const jobId = store.jobs.waitingFor(record.seq, item.jobId);
  // The same copy sent again (a whole page resent after one item was fixed) is already stored: a second
  // version of it would only make the product look written twice. Unless a job still waits for it: then
  // the version is the job's, or the job would hand the product out again and again.
  const latest = record.current;
  const same = latest?.version === record.latestVersion && isDeepStrictEqual(latest?.copy, copy);
  if (!item.edited && same && jobId === undefined) {
    return { saved: record, jobId: latest?.jobId, unchanged: true };
  }
  const checks = kind.checks(copy, record, copyContext(kind, record, deps));
  const saved = addVersion(
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
      ...(jobId === undefined ? {} : { jobId }),
    },
    deps,
  );
  return { saved, jobId, unchanged: false };
}
