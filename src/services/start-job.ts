import type { JobInfo, JobOptions, JobProvider } from "../store/jobs.ts";
import type { Store } from "../store/records.ts";
import { type Selection, selectProducts } from "./selection.ts";

/**
 * A new job for the products a selection names, with the settings given (those left undefined are the
 * products' own); undefined when no product matches. `provider` is kept to resume it the same way.
 */
export function startJob(
  store: Store,
  selection: Selection,
  options: { readonly [Name in keyof JobOptions]?: string | undefined },
  provider?: JobProvider,
): JobInfo | undefined {
  const records = selectProducts(store, selection);
  if (records.length === 0) return undefined;
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as JobOptions;
  return store.jobs.create(
    records.map((record) => record.seq),
    given,
    provider,
  );
}
