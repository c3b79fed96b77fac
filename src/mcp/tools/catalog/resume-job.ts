import { z } from "zod";
import { NotFoundError, TextRejectedError } from "../../../services/failures.ts";
import { defineTool } from "../define-tool.ts";
import { jobSchema } from "./job-output.ts";
import { pageSchema, runOrPage } from "./run-or-page.ts";
import { maxConcurrency } from "./write-catalog.ts";

export const resumeJob = defineTool({
  name: "resume_job",
  title: "Resume a catalog job",
  description:
    "Go on with a cancelled, interrupted or stopped write_catalog job (once what stopped it is fixed), or fetch the next page of briefs: only products not " +
    "yet written are written, so none is written twice.",
  inputSchema: {
    id: z.string().trim().min(1).max(100).describe("The job's id, from write_catalog or list_jobs"),
    max_concurrency: maxConcurrency,
  },
  outputSchema: { job: jobSchema, page: pageSchema.optional() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handle({ id, max_concurrency }, deps, call) {
    const claim = deps.store().jobs.claim(id);
    if (!claim) throw new NotFoundError(`There is no job with id "${id}". list_jobs shows the jobs.`);
    if (!claim.claimed) {
      throw new TextRejectedError(
        `Job ${id} is running now (in this or another copydesk); get_job shows its progress.`,
      );
    }
    return runOrPage(claim.job, max_concurrency, deps, call);
  },
});
