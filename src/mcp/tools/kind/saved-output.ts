import { z } from "zod";
import { failedChecks } from "../../../checks/index.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import type { JobInfo } from "../../../store/jobs.ts";
import { RECORD_STATUSES, type StoredRecord } from "../../../store/records.ts";

/**
 * What a save answers: one short line per record and the next step, sized for a chat model. The copy
 * itself is what the caller just sent; get_product / get_post show it as stored.
 */
export const savedSchema = z.object({
  id: z.string(),
  version: z.number().int().describe("The version this save stored"),
  status: z.enum(RECORD_STATUSES),
  failing: z.array(z.string()).describe("The checks this copy fails, by name (empty when all passed)"),
  unchanged: z
    .boolean()
    .optional()
    .describe("True when this copy was the latest version already: no version was added"),
});

export const rejectedSchema = z.object({
  index: z.number().int().describe("The item's position in items, from 0"),
  id: z.string(),
  error: z.string().describe("Why it was not saved"),
});

export const savedJobSchema = z
  .object({
    id: z.string(),
    state: z.string().describe("done once every product is saved; waiting_for_copy while pages remain"),
    done: z.number().int(),
    pending: z.number().int(),
    total: z.number().int(),
  })
  .describe("The write_catalog job these saves count for");

export type Saved = z.infer<typeof savedSchema>;
export type Rejected = z.infer<typeof rejectedSchema>;

export function savedOf(record: StoredRecord, unchanged = false): Saved {
  const shown = record.current;
  return {
    id: record.id,
    version: shown?.version ?? record.latestVersion,
    status: record.status,
    failing: failedChecks(shown?.checks ?? []).map((check) => check.check),
    ...(unchanged ? { unchanged } : {}),
  };
}

export function savedJobOf(job: JobInfo): z.infer<typeof savedJobSchema> {
  return { id: job.id, state: job.state, done: job.done, pending: job.pending, total: job.total };
}

/** `- ID: version 2, needs_review; fails seo_title (seo_title has 70 characters; at most 60)` */
export function savedLine(record: StoredRecord, unchanged = false): string {
  const saved = savedOf(record);
  const failed = failedChecks(record.current?.checks ?? []);
  const checks =
    failed.length === 0
      ? "checks passed"
      : `fails ${failed.map((check) => `${check.check} (${check.detail})`).join("; ")}`;
  const version = unchanged
    ? `unchanged (the same copy as version ${saved.version})`
    : `version ${saved.version}`;
  return `- ${saved.id}: ${version}, ${saved.status}; ${checks}`;
}

export function rejectedLine(rejected: Rejected): string {
  return `- item ${rejected.index} (id ${rejected.id}): ${rejected.error}`;
}

/** What to do after a save: fix what was refused or fails, the next page of the job, or review. */
export function nextStep(
  kind: AnyKind,
  saved: readonly Saved[],
  rejected: readonly Rejected[],
  job: JobInfo | undefined,
): string {
  const steps: string[] = [];
  const withJob = job ? ` with job_id "${job.id}"` : "";
  if (rejected.length > 0) {
    steps.push(
      `Fix the ${plural(rejected.length, "item")} not saved and save only ${rejected.length === 1 ? "it" : "those"} again${withJob}.`,
    );
  }
  const failing = saved.filter((record) => record.failing.length > 0);
  if (failing.length > 0) {
    steps.push(
      `${plural(failing.length, kind.noun)} saved with failing checks: fix ${failing.length === 1 ? "its" : "their"} copy and save again (it becomes a new version), or leave ${failing.length === 1 ? "it" : "them"} for review.`,
    );
  }
  if (job && job.state === "done") {
    steps.push(
      `Job ${job.id} is done: ${job.done} of ${job.total} written${job.failed > 0 ? `, ${job.failed} failed` : ""}. ` +
        `Review with ${kind.tools.list} (status needs_review first), approve_products, then export_products.`,
    );
  } else if (job && job.pending > 0 && job.state !== "running") {
    steps.push(
      `${rejected.length > 0 ? "Then" : "Now"} resume_job("${job.id}") for the next page (${job.done} of ${job.total} written).`,
    );
  } else if (!job && saved.length > 0) {
    steps.push(`${kind.tools.get} shows the full copy as stored.`);
  }
  return `Next: ${steps.join(" ")}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
