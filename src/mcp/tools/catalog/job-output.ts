import { z } from "zod";
import type { JobInfo } from "../../../store/jobs.ts";
import { count } from "../../../text/count.ts";

/** A job of 10,000 failures would make a result no client reads: the first ones tell the story. */
const MAX_FAILURES_SHOWN = 100;

export const jobSchema = z.object({
  id: z.string().describe("The job's id, for get_job and resume_job"),
  state: z
    .enum(["running", "done", "cancelled", "interrupted", "stopped", "waiting_for_copy"])
    .describe(
      "running; done; cancelled (resumable); interrupted (its process went away: resumable); stopped (by an answer every product would get, see stopReason: resumable once fixed); waiting_for_copy (the calling model writes it: save the page, resume_job for the next)",
    ),
  total: z.number().int(),
  done: z.number().int().describe("Products written by this job"),
  failed: z.number().int(),
  pending: z.number().int(),
  skipped: z
    .number()
    .int()
    .describe("Products this job leaves alone: open in another job, or written elsewhere since it began"),
  skips: z
    .array(z.object({ reason: z.string(), count: z.number().int() }))
    .describe('Why they were skipped, e.g. "already in job X", with how many each'),
  inputTokens: z.number().int().describe("Tokens sent, when the provider reports them"),
  outputTokens: z.number().int().describe("Tokens written, when the provider reports them"),
  failures: z
    .array(z.object({ id: z.string(), title: z.string(), error: z.string() }))
    .describe(`The first ${MAX_FAILURES_SHOWN} failed products with their reasons (failed counts them all)`),
  stopReason: z
    .string()
    .optional()
    .describe(
      "Why a stopped job stopped (a wrong key, an unknown model, nothing listening): fix it, then resume",
    ),
  options: z.record(z.string(), z.string()).describe("What every product is written with"),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function presentJob(job: JobInfo): z.infer<typeof jobSchema> {
  return {
    ...job,
    failures: job.failures.slice(0, MAX_FAILURES_SHOWN),
    skips: [...job.skips],
    options: { ...job.options } as Record<string, string>,
  };
}

export function jobText(job: JobInfo): string {
  const lines = [
    `Job ${job.id}: ${job.state}. ${job.done} of ${job.total} written, ${job.failed} failed, ${job.pending} pending.`,
  ];
  // Each product is written by one job: the other job writes these (or another route already did).
  for (const skip of job.skips) lines.push(`${count(skip.count, "product")} skipped: ${skip.reason}.`);
  if (job.failures.length > 0) {
    lines.push("Failed:", ...job.failures.slice(0, 20).map((f) => `- ${f.title} (id ${f.id}): ${f.error}`));
    if (job.failures.length > 20)
      lines.push(`- and ${job.failures.length - 20} more (get_job lists them all)`);
  }
  if (job.state === "stopped") {
    lines.push(
      `Stopped: ${job.stopReason ?? "the provider gave an answer every product would get"}`,
      `Fix that, then resume_job("${job.id}") writes the ${count(job.pending, "pending product")}: what was written stays, nothing is written twice.`,
    );
  }
  if (job.state === "cancelled" || job.state === "interrupted") {
    lines.push(`Resume it with resume_job("${job.id}"): what was written stays, nothing is written twice.`);
  }
  if (job.state === "waiting_for_copy") {
    lines.push(
      `Waiting for the calling model's copy: save it with save_product_copy, then resume_job("${job.id}") hands out the next page.`,
    );
  }
  if (job.state === "done" && job.done > 0) {
    lines.push(
      "Review with list_products (status needs_review first), approve_products, then export_products.",
    );
  }
  return lines.join("\n");
}
