import { productKind } from "../kinds/product/kind.ts";
import type { Logger } from "../platform/logger.ts";
import { DatabaseWriteError } from "../store/durability.ts";
import { HEARTBEAT_STALE_MS, type JobInfo, type PendingItem } from "../store/jobs.ts";
import type { Store, StoredRecord } from "../store/records.ts";
import { createAdaptiveLimiter, defaultOverloadOf, type LimiterClock, systemClock } from "./concurrency.ts";
import { isLastingFailure } from "./lasting-failure.ts";

/** Who writes a job's copy decides how many requests may be in flight. */
export type JobRoute = "client-sampling" | "provider";

export interface JobRunDeps {
  readonly store: Store;
  /**
   * Writes one record's copy and resolves to the step that stores it as a version of this job (the runner
   * takes it as its own bookkeeping); throws a readable error on failure.
   */
  readonly writeOne: (record: StoredRecord, signal: AbortSignal) => Promise<() => void>;
  readonly route: JobRoute;
  /** At most this many in flight through a provider (adaptive below it); client sampling uses a few. */
  readonly maxConcurrency: number;
  readonly logger: Logger;
  /** Called after every record and at least every few seconds while the job runs. */
  readonly onProgress?: (counts: ReturnType<Store["jobs"]["counts"]>, message: string) => void;
  /** Turns a failure into the sentence stored on the record; undefined for a bug (stored all the same). */
  readonly describeFailure: (error: unknown) => string | undefined;
  readonly clock?: LimiterClock;
}

/** Client sampling: VS Code asks the user once per session, and a client's model is shared with its chat. */
export const SAMPLING_CONCURRENCY = 4;
const PROGRESS_EVERY_MS = 2000;
const HEARTBEAT_STALE_S = HEARTBEAT_STALE_MS / 1000;
/** What the limiter rejects the products not yet started with when a job is cancelled or stopped. */
const HALTED = new Error("halted");

/**
 * Writes every pending record of a job. Each record's copy is stored the moment it is written (a version
 * that names the job, so the job's progress survives any crash); a record that fails is marked with the
 * reason and the job goes on. An answer every later request would get too (a wrong key, an unknown model,
 * nothing listening) stops the job instead: it is left `stopped` with that reason, and the records not
 * written stay pending. Aborting `signal` aborts the requests in flight (sampling requests are cancelled,
 * HTTP requests dropped) and leaves the job cancelled; either way it is resumable at once. When the runner's
 * own database work fails (the lock held past the busy timeout, a full disk), every worker is stopped the
 * same way and waited for before this returns, so nothing is written after it: the job is left stopped with
 * the reason, or, when even that cannot be saved, this throws and the job reads as interrupted.
 */
export async function runJob(jobId: string, deps: JobRunDeps, signal: AbortSignal): Promise<JobInfo> {
  const { store, logger } = deps;
  const clock = deps.clock ?? systemClock;
  store.jobs.setState(jobId, "running");
  const fixed = deps.route === "client-sampling";
  const max = fixed ? SAMPLING_CONCURRENCY : Math.max(1, deps.maxConcurrency);
  const limiter = createAdaptiveLimiter({ clock, initial: Math.min(4, max), max });
  const info = () => store.jobs.get(jobId) as JobInfo;
  // Aborted on cancel, on a lasting failure and on a failed bookkeeping write: no later reply is stored.
  const inFlight = new AbortController();
  let stopReason: string | undefined;
  let broken: { readonly error: unknown } | undefined;
  const halt = () => {
    limiter.clear(HALTED);
    inFlight.abort();
  };
  /** The runner's own database work: the first failure stops every worker, and nothing more is tried. */
  const book = (work: () => void): boolean => {
    if (broken !== undefined) return false;
    try {
      work();
      return true;
    } catch (error) {
      broken = { error };
      logger.error(`Job ${jobId} could not save its progress: ${String(error)}`);
      halt();
      return false;
    }
  };
  const report = (message: string) => {
    const { onProgress } = deps;
    if (onProgress === undefined) return;
    let counts: ReturnType<Store["jobs"]["counts"]> | undefined;
    if (book(() => (counts = store.jobs.counts(jobId))) && counts) onProgress(counts, message);
  };
  const ticker = setInterval(() => {
    if (book(() => store.jobs.heartbeat(jobId))) report("writing");
  }, PROGRESS_EVERY_MS);
  signal.addEventListener("abort", halt, { once: true });
  try {
    const pending = store.jobs.pending(jobId);
    report(`writing ${pending.length} of ${info().total}`);
    const fail = (seq: number, title: string, error: unknown) => {
      const reason = deps.describeFailure(error);
      if (reason === undefined) {
        logger.error(
          `Job ${jobId} hit a bug on ${title}: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      if (
        book(() => store.jobs.fail(jobId, seq, reason ?? `copydesk hit an internal error: ${String(error)}`))
      )
        report(`failed ${title}`);
    };
    const write = (item: PendingItem) =>
      limiter
        .run(async () => {
          if (inFlight.signal.aborted) return;
          let record: StoredRecord | undefined;
          if (!book(() => (record = store.get(productKind.name, item.id)))) return;
          if (!record) {
            book(() => store.jobs.fail(jobId, item.seq, "The product was deleted."));
            return;
          }
          // Written by another route since the job took it (a save, another job): not written again.
          if (item.baseVersion !== null && record.latestVersion > item.baseVersion) {
            report(`skipped ${record.title}`);
            return;
          }
          const { title } = record;
          try {
            const save = await deps.writeOne(record, inFlight.signal);
            // A reply that arrives after the job was cancelled or stopped is not stored: it stays pending.
            if (inFlight.signal.aborted) return;
            if (book(save)) report(`wrote ${title}`);
          } catch (error) {
            // Cancelled or stopped while in flight: the product stays pending, for resume.
            if (inFlight.signal.aborted) return;
            if (isLastingFailure(error)) {
              stopReason = deps.describeFailure(error) ?? String(error);
              halt();
              return;
            }
            // Rate-limited or overloaded even after the provider's own retries: the limiter halves the
            // pace, honours Retry-After and runs this product again later.
            if (defaultOverloadOf(error)) throw error;
            fail(item.seq, title, error);
          }
        })
        .catch((error: unknown) => {
          // A product the limiter dropped on cancel or stop stays pending, to be written on resume; one it
          // gave up on after repeated overloads is recorded as failed.
          if (error !== HALTED) fail(item.seq, item.id, error);
        });
    // The first product goes alone: a wrong key, an unknown model or a URL where nothing listens then costs
    // one request, not one per slot, and a client that asks its user to allow sampling asks once.
    const [first, ...rest] = pending;
    if (first) await write(first);
    if (!inFlight.signal.aborted) await Promise.all(rest.map(write));
  } finally {
    clearInterval(ticker);
    signal.removeEventListener("abort", halt);
  }
  if (broken !== undefined) {
    const cause = deps.describeFailure(broken.error) ?? String(broken.error);
    const reason = `${cause} The job stopped with nothing in flight; the products it had not saved stay pending.`;
    try {
      store.jobs.stop(jobId, reason);
    } catch (error) {
      logger.error(`Job ${jobId} could not be marked stopped either: ${String(error)}`);
      throw new DatabaseWriteError(
        `${reason} Its state could not be saved either: it reads as interrupted within ${HEARTBEAT_STALE_S} s; resume it then.`,
      );
    }
  } else {
    const left = info().pending > 0;
    if (stopReason !== undefined && left) store.jobs.stop(jobId, stopReason);
    else store.jobs.setState(jobId, signal.aborted && left ? "cancelled" : "done");
  }
  const final = info();
  report(final.state);
  logger.info(
    `Job ${jobId} ${final.state}: ${final.done} written, ${final.failed} failed, ${final.pending} pending of ${final.total}`,
  );
  return final;
}
