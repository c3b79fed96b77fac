import { productKind } from "../kinds/product/kind.ts";
import { GenerationError } from "../llm/errors.ts";
import type { JobOptions } from "../store/jobs.ts";
import type { StoredRecord } from "../store/records.ts";
import { type CopyContextDeps, catalogLanguages, copyContext } from "./copy-context.ts";
import { loadCopyLibraries } from "./libraries.ts";
import { type ProduceDeps, produceCopy, storedImage, writtenVersion } from "./produce-copy.ts";

/** A job's settings over a product's own (a job in German writes every product in German). */
export function withJobOptions(record: StoredRecord, options: JobOptions): StoredRecord {
  const set = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  // The job's language was asked for, whatever chose the product's own when it was created.
  if (options.language !== undefined) set.language_source = "call";
  return { ...record, input: { ...record.input, ...set } };
}

/** What writing a job's products takes: the record context's deps, who writes, and whom to tell. */
export interface JobWriterDeps extends CopyContextDeps, ProduceDeps {
  /** After each product's copy is stored: the MCP server tells its client the resources changed. */
  readonly onChange: () => void;
}

/**
 * Writes one product of a job the way create_product writes one (the same brief, checks and retry), and
 * resolves to the step that stores its copy as a version that names the job (the job runner runs it).
 */
export function jobProductWriter(
  deps: JobWriterDeps,
  job: { readonly id: string; readonly options: JobOptions },
  requestId: string | number,
): (record: StoredRecord, signal: AbortSignal) => Promise<() => void> {
  // One sample of the catalog's descriptions for the whole job, taken when a product first needs it.
  const catalog = catalogLanguages(deps.store());
  return async (stored, signal) => {
    await loadCopyLibraries();
    const store = deps.store();
    const record = withJobOptions(stored, job.options);
    const context = copyContext(productKind, record, deps, catalog);
    const image = storedImage(productKind, record, store);
    const outcome = await produceCopy(productKind, record, { context, image }, deps, { requestId, signal });
    // Planned as client sampling, but the client cannot sample after all: resume_job hands out briefs.
    if (outcome.result === "host-model") {
      throw new GenerationError(
        "no-sampling",
        `Nobody here can write: ${outcome.reason}. resume_job hands you the products' briefs to write yourself; or configure a provider (--provider) and resume.`,
      );
    }
    // A reply that arrives after the job was cancelled or stopped is not stored: the product stays pending.
    signal.throwIfAborted();
    const { usage } = outcome;
    return () => {
      // The tokens and the version together: a failed save leaves neither.
      store.transaction(() => {
        if (usage.input > 0 || usage.output > 0) store.jobs.addTokens(job.id, usage.input, usage.output);
        store.addVersion(
          productKind.name,
          record.id,
          writtenVersion(outcome, { source: "generated", jobId: job.id }),
        );
      });
      deps.onChange();
    };
  };
}
