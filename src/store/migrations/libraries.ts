import type slugifyFunction from "@sindresorhus/slugify";

/**
 * The npm libraries old migrations call, evaluated on first use like every copy library (their tables
 * would cost each start: src/platform/deferred.ts) and loaded by loadCopyLibraries before a store opens.
 * A migration keeps its own handle on them so that no live code can change what it does.
 */
let slugify: typeof slugifyFunction | undefined;

export async function loadMigrationLibraries(): Promise<void> {
  slugify ??= (await import("@sindresorhus/slugify")).default;
}

export function migrationSlugify(): typeof slugifyFunction {
  if (!slugify)
    throw new Error("@sindresorhus/slugify was used before it was loaded (await its load() first)");
  return slugify;
}
