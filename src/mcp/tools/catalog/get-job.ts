import { z } from "zod";
import { NotFoundError } from "../../../services/failures.ts";
import { defineTool } from "../define-tool.ts";
import { jobSchema, jobText, presentJob } from "./job-output.ts";

export const getJob = defineTool({
  name: "get_job",
  title: "Get a catalog job",
  description:
    "How a write_catalog job stands: written, failed (with reasons) and pending products, and tokens used.",
  inputSchema: {
    id: z.string().trim().min(1).max(100).describe("The job's id, from write_catalog or list_jobs"),
  },
  outputSchema: { job: jobSchema },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ id }, deps) {
    const job = deps.store().jobs.get(id);
    if (!job) throw new NotFoundError(`There is no job with id "${id}". list_jobs shows the jobs.`);
    return { structured: { job: presentJob(job) }, text: jobText(job) };
  },
});

export const listJobs = defineTool({
  name: "list_jobs",
  title: "List catalog jobs",
  description: "The newest write_catalog jobs and how each stands.",
  inputSchema: {
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .describe("How many, newest first (1-100, default 20)"),
  },
  outputSchema: { jobs: z.array(jobSchema) },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ limit }, deps) {
    const jobs = deps.store().jobs.list(limit);
    return {
      structured: { jobs: jobs.map(presentJob) },
      text: jobs.length > 0 ? jobs.map(jobText).join("\n\n") : "No jobs yet: write_catalog starts one.",
    };
  },
});
