import { z } from "zod";
import { productKind } from "../../../kinds/product/kind.ts";
import { nextJobBriefs } from "../../../services/job-briefs.ts";
import { writeJob } from "../../../services/write-job.ts";
import type { JobInfo } from "../../../store/jobs.ts";
import type { ToolCall, ToolDeps } from "../define-tool.ts";
import { jobText, presentJob } from "./job-output.ts";
import { sharedLead } from "./shared-lead.ts";

/**
 * Briefs handed to the calling model at a time, when nobody here can write. Every page repeats the
 * instructions (~2,000 characters) and a save's framing: 20 keeps a 200-product catalog near 90,000 tokens
 * of tool traffic, where 10 went over 100,000, and a page's copy (~20,000 characters) within one reply.
 */
export const PAGE_SIZE = 20;

export const pageSchema = z
  .object({
    saveWith: z.string().describe("Call it with job_id and items: [{id, copy}] for this page"),
    next: z.string().describe("Call it with the job's id for the next page once these are saved"),
    items: z
      .array(z.object({ id: z.string(), title: z.string() }))
      .describe("The products of this page; their briefs are in the text, once"),
  })
  .describe("Present when the calling model writes the copy: a page of products whose briefs the text gives");

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
    const briefs = nextJobBriefs(job, PAGE_SIZE, deps);
    if (briefs.length === 0) {
      store.jobs.setState(job.id, "done");
      const done = store.jobs.get(job.id) as JobInfo;
      return { structured: { job: presentJob(done) }, text: jobText(done) };
    }
    const instructions = briefs[0]?.brief.systemPrompt ?? "";
    const requests = briefs.map(({ brief }) =>
      // The rare product whose brand voice differs from the page's carries its own instructions.
      brief.systemPrompt === instructions ? brief.userPrompt : `${brief.systemPrompt}\n\n${brief.userPrompt}`,
    );
    const { lead, rests } = sharedLead(requests);
    store.jobs.setState(job.id, "waiting_for_copy");
    const now = store.jobs.get(job.id) as JobInfo;
    // The briefs travel once, in the text every client shows its model: a page is most of a host-model
    // catalog's traffic, and a copy of them here as well doubled it.
    const page = {
      saveWith: productKind.tools.saveCopy,
      next: "resume_job",
      items: briefs.map(({ id, title }) => ({ id, title })),
    };
    return {
      structured: { job: presentJob(now), page },
      text:
        `${now.done} of ${now.total} written. Nobody here can write (no sampling, no provider): please write ` +
        `${briefs.length === 1 ? "this product's" : `these ${briefs.length} products'`} copy yourself, each as the JSON object the instructions describe, then ` +
        `call ${productKind.tools.saveCopy} with job_id "${job.id}" and items: [{id, copy}, ...]; its answer says what comes next.` +
        `\n\n--- Instructions (for every product) ---\n${instructions}` +
        (lead === "" ? "" : `\n\nFor every product below:\n${lead}`) +
        "\n\n" +
        briefs.map(({ id, title }, i) => `--- Product ${id}: ${title} ---\n${rests[i]}`).join("\n\n"),
    };
  }
  const total = job.total;
  const final = await writeJob(
    job,
    {
      route,
      maxConcurrency,
      requestId: call.requestId,
      onProgress: (info, message) => {
        const settled = info.done + info.failed + info.skipped;
        call.progress(settled, total, `${settled}/${total} ${message}`);
      },
    },
    {
      store: deps.store,
      writer: deps.writer,
      logger: deps.logger,
      language: deps.language,
      onChange: deps.resourcesChanged,
    },
    call.signal,
  );
  return { structured: { job: presentJob(final) }, text: jobText(final) };
}
