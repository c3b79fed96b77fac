import { z } from "zod";
import { PRODUCT } from "../../kinds/product.ts";
import { runJob } from "../../pipeline/run-job.ts";
import type { JobInfo } from "../../store/jobs.ts";
import type { ToolCall, ToolDeps } from "../define-tool.ts";
import { toolFailureMessage } from "../failures.ts";
import { catalogLanguages, copyContext } from "../kind/context.ts";
import { briefFor } from "../kind/produce.ts";
import { jobText, presentJob } from "./job-output.ts";
import { jobProductWriter, withJobOptions } from "./write-one.ts";

/** Briefs handed to the calling model at a time, when nobody here can write. */
export const PAGE_SIZE = 10;

export const pageSchema = z
  .object({
    saveWith: z.string().describe("Call it with job_id and items: [{id, copy}] for this page"),
    next: z.string().describe("Call it with the job's id for the next page once these are saved"),
    instructions: z.string().describe("How to write every product of this page (the system prompt)"),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        request: z.string().describe("What to write for this product, its material delimited as data"),
      }),
    ),
  })
  .describe("Present when the calling model writes the copy: a page of briefs");

/**
 * Runs a job where a model can be asked (client sampling or a provider), reporting progress; where none
 * can, hands the calling model the next page of briefs instead.
 */
export async function runOrPage(
  job: JobInfo,
  maxConcurrency: number,
  deps: ToolDeps,
  call: ToolCall,
): Promise<{
  structured: { job: ReturnType<typeof presentJob>; page?: z.infer<typeof pageSchema> };
  text: string;
}> {
  const route = deps.writer.plannedRoute();
  const store = deps.store();
  if (route === "host-model") {
    const pending = store.jobs.pending(job.id, PAGE_SIZE);
    if (pending.length === 0) {
      store.jobs.setState(job.id, "done");
      const done = store.jobs.get(job.id) as JobInfo;
      return { structured: { job: presentJob(done) }, text: jobText(done) };
    }
    const catalog = catalogLanguages(store);
    const briefs = pending.flatMap(({ id }) => {
      const stored = store.get("product", id);
      if (!stored) return [];
      const record = withJobOptions(stored, job.options);
      return [
        {
          id,
          title: record.title,
          brief: briefFor(PRODUCT, record, { context: copyContext(PRODUCT, record, deps, catalog) }),
        },
      ];
    });
    const instructions = briefs[0]?.brief.systemPrompt ?? "";
    const items = briefs.map(({ id, title, brief }) => ({
      id,
      title,
      // The rare product whose brand voice differs from the page's carries its own instructions.
      request:
        brief.systemPrompt === instructions
          ? brief.userPrompt
          : `${brief.systemPrompt}\n\n${brief.userPrompt}`,
    }));
    store.jobs.setState(job.id, "cancelled");
    const now = store.jobs.get(job.id) as JobInfo;
    const page = { saveWith: "save_product_copy", next: "resume_job", instructions, items };
    return {
      structured: { job: presentJob(now), page },
      text:
        `${now.done} of ${now.total} written so far. Nobody here can write (no sampling, no provider), so please write ` +
        `the copy for ${items.length === 1 ? "this product" : `these ${items.length} products`} yourself: each as the JSON object the instructions describe. Then ` +
        `call save_product_copy with job_id "${job.id}" and items: [{id, copy}, ...], and then resume_job("${job.id}") ` +
        `for the next page.\n\n--- Instructions (for every product) ---\n${instructions}\n\n` +
        items.map((item) => `--- Product ${item.id}: ${item.title} ---\n${item.request}`).join("\n\n"),
    };
  }
  const total = job.total;
  const final = await runJob(
    job.id,
    {
      store,
      writeOne: jobProductWriter(deps, job, call.requestId),
      route,
      maxConcurrency,
      logger: deps.logger,
      describeFailure: toolFailureMessage,
      onProgress: (info, message) =>
        call.progress(info.done + info.failed, total, `${info.done + info.failed}/${total} ${message}`),
    },
    call.signal,
  );
  return { structured: { job: presentJob(final) }, text: jobText(final) };
}
