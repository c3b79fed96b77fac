import type { z } from "zod";
import { cleanStrings } from "../text/clean-strings.ts";
import { extractJsonObject } from "../text/extract-json.ts";

export type ReadResult<C> =
  | { readonly ok: true; readonly copy: C }
  /** `attempted`: the reply held a JSON object (broken or invalid), not prose alone. */
  | { readonly ok: false; readonly problems: string; readonly attempted: boolean };

/**
 * Reads a model's reply as copy: the first JSON object in it (bare or fenced, prose around it ignored),
 * validated against the kind's schema, then normalised by the kind (HTML made, tags lower-cased).
 * `problems` is a sentence fit for a repair request and for the user.
 */
export function readCopy<S extends z.ZodType, C>(
  reply: string,
  schema: S,
  finish: (parsed: z.infer<S>) => C,
): ReadResult<C> {
  const found = extractJsonObject(reply);
  if (!found.ok) return { ok: false, problems: found.reason, attempted: found.attempted };
  // JSON escapes (\u0000, a lone \ud800) only become characters here, after the reply itself was cleaned.
  const parsed = schema.safeParse(cleanStrings(found.value));
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error), attempted: true };
  return { ok: true, copy: finish(parsed.data) };
}

/** "bullets: at least 3 items; seo_title: required", from zod's issues. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
