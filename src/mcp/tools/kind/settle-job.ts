import type { JobInfo } from "../../../store/jobs.ts";
import type { ToolDeps } from "../define-tool.ts";

/**
 * After copy was saved for a job: a job with nothing left to write is done at once, with no resume_job
 * needed (a running job settles itself when its run ends).
 */
export function settleJob(deps: ToolDeps, jobId: string): JobInfo | undefined {
  const jobs = deps.store().jobs;
  const job = jobs.get(jobId);
  if (!job || job.pending > 0 || job.state === "running" || job.state === "done") return job;
  jobs.setState(jobId, "done");
  deps.logger.info(`Job ${jobId} done: ${job.done} written, ${job.failed} failed of ${job.total}`);
  return jobs.get(jobId);
}
