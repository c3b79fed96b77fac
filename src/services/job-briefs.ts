import type { WritingBrief } from "../kinds/brief.ts";
import { PRODUCT } from "../kinds/product.ts";
import type { JobInfo } from "../store/jobs.ts";
import { type CopyContextDeps, catalogLanguages, copyContext } from "./copy-context.ts";
import { withJobOptions } from "./job-product-writer.ts";
import { briefFor } from "./produce-copy.ts";

export interface JobBrief {
  readonly id: string;
  readonly title: string;
  readonly brief: WritingBrief;
}

/**
 * Up to `size` of a job's pending products with their briefs, for a model outside copydesk to write; a
 * product deleted since the job began is recorded as failed and skipped.
 */
export function nextJobBriefs(job: JobInfo, size: number, deps: CopyContextDeps): JobBrief[] {
  const store = deps.store();
  const catalog = catalogLanguages(store);
  for (;;) {
    const pending = store.jobs.pending(job.id, size);
    const briefs = [];
    for (const { seq, id } of pending) {
      const stored = store.get("product", id);
      if (!stored) {
        store.jobs.fail(job.id, seq, "The product was deleted.");
        continue;
      }
      const record = withJobOptions(stored, job.options);
      briefs.push({
        id,
        title: record.title,
        brief: briefFor(PRODUCT, record, { context: copyContext(PRODUCT, record, deps, catalog) }),
      });
    }
    if (briefs.length > 0 || pending.length === 0) return briefs;
  }
}
