import { z } from "zod";
import { brand, language, length, tone } from "../../../kinds/fields.ts";
import { TextRejectedError } from "../../../services/failures.ts";
import { startJob } from "../../../services/start-job.ts";
import { RECORD_STATUSES } from "../../../store/records.ts";
import { count } from "../../../text/count.ts";
import { defineTool } from "../define-tool.ts";
import { jobSchema } from "./job-output.ts";
import { pageSchema, runOrPage } from "./run-or-page.ts";

export const maxConcurrency = z
  .number()
  .int("max_concurrency must be a whole number")
  .min(1, "max_concurrency must be at least 1")
  .max(64, "max_concurrency must be at most 64")
  .default(16)
  .describe("Through a provider: at most this many requests in flight (it adapts below); default 16");

export const writeCatalog = defineTool({
  name: "write_catalog",
  title: "Write copy for a catalog",
  description:
    "Write copy for many products at once, as a resumable job: each product's copy is saved the moment it is " +
    "written, a product that fails is recorded and the job goes on, and progress is reported. A wrong key, an " +
    "unknown model or an unreachable provider stops the job at the first such answer (get_job says what to fix). " +
    "Cancelling cancels the requests in flight and keeps what is done; resume_job goes on. Through a provider it runs many at once; through the " +
    "client's sampling a few; with neither, it hands you the products' briefs a page at a time.",
  inputSchema: {
    selection: z
      .object({
        ids: z.array(z.string().max(100)).min(1).max(10_000).optional().describe("These products"),
        import_id: z.string().max(100).optional().describe("The products of this import (import_products)"),
        status: z
          .enum(RECORD_STATUSES)
          .optional()
          .describe('Products with this status, e.g. "draft" (no copy yet)'),
        all: z.boolean().optional().describe("Every product"),
      })
      .describe(
        'Which products: e.g. {"status": "draft"}, {"import_id": "..."} or {"ids": [...]}; combine import_id and status',
      ),
    language,
    tone,
    length,
    brand,
    max_concurrency: maxConcurrency,
  },
  outputSchema: { job: jobSchema, page: pageSchema.optional() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(input, deps, call) {
    const job = startJob(
      deps.store(),
      {
        ids: input.selection.ids,
        importId: input.selection.import_id,
        status: input.selection.status,
        all: input.selection.all,
      },
      { language: input.language, tone: input.tone, length: input.length, brand: input.brand },
    );
    if (!job) throw new TextRejectedError("No product matches that selection: nothing to write.");
    deps.logger.info(`Job ${job.id}: writing ${count(job.total, "product")}`);
    return runOrPage(job, input.max_concurrency, deps, call);
  },
});
