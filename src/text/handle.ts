import { deferred } from "../platform/deferred.ts";

/** @sindresorhus/slugify (with its transliteration tables), loaded on first use: see libraries/deferred.ts. */
export const slugLibrary = deferred("@sindresorhus/slugify", async () => ({
  slugify: (await import("@sindresorhus/slugify")).default,
}));

const MAX_HANDLE = 60;
const FALLBACK = "product";

/**
 * A URL handle from a product title: lower-case ASCII letters, digits and hyphens, transliterated
 * (Größe → groesse, crème → creme, чашка → chashka), at most 60 characters cut at a hyphen, never empty.
 */
export function slugify(title: string): string {
  return cut(slugLibrary.get().slugify(title, { decamelize: false }), MAX_HANDLE) || FALLBACK;
}

/** `base`, or `base-2`, `base-3` ... the first that is not taken, still at most 60 characters. */
export function uniqueHandle(base: string, taken: (handle: string) => boolean): string {
  const root = cut(base, MAX_HANDLE) || FALLBACK;
  if (!taken(root)) return root;
  for (let n = 2; n < 100_000; n++) {
    const suffix = `-${n}`;
    const candidate = `${cut(root, MAX_HANDLE - suffix.length) || FALLBACK}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free handle for "${base}" after 100000 tries`);
}

/** At most `max` characters, cut at the last hyphen that fits unless that would leave too little. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug.replace(/^-+|-+$/g, "");
  const head = slug.slice(0, max + 1);
  const hyphen = head.lastIndexOf("-");
  const kept = hyphen >= max / 2 ? head.slice(0, hyphen) : slug.slice(0, max);
  return kept.replace(/^-+|-+$/g, "");
}
