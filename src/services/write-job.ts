import type { JobInfo } from "../store/jobs.ts";
import { failureMessage } from "./failures.ts";
import { type JobWriterDeps, jobProductWriter } from "./job-product-writer.ts";
import { type JobRoute, type JobRunDeps, runJob } from "./run-job.ts";

export interface WriteJobOptions {
  readonly route: JobRoute;
  readonly maxConcurrency: number;
  /** Names the requests the job makes (the MCP call's id, or the command's). */
  readonly requestId: string | number;
  readonly onProgress?: JobRunDeps["onProgress"];
}

/**
 * Writes a job's pending products the way create_product writes one, each stored as it is written and a
 * failure kept as the sentence a person reads: what write_catalog, resume_job and `copydesk write` run.
 */
export function writeJob(
  job: JobInfo,
  options: WriteJobOptions,
  deps: JobWriterDeps,
  signal: AbortSignal,
): Promise<JobInfo> {
  return runJob(
    job.id,
    {
      store: deps.store(),
      writeOne: jobProductWriter(deps, job, options.requestId),
      route: options.route,
      maxConcurrency: options.maxConcurrency,
      logger: deps.logger,
      describeFailure: failureMessage,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    signal,
  );
}
