import type { z } from "zod";

/** A record's stored input as its kind's schema reads it. */
export interface StoredInput<I> {
  readonly input: I;
  /**
   * Stored fields the schema could not read (a record from an older copydesk, or edited by hand): they are
   * left out, or take the kind's default when the kind needs them, so one bad record never breaks a list.
   */
  readonly unreadable: readonly string[];
}

/**
 * Reads stored input with a kind's schema instead of trusting a cast. What fails is dropped field by
 * field (the rest of the record still shows), and `defaults` fill the fields the kind cannot do without.
 */
export function storedInputReader<S extends z.ZodObject>(
  schema: S,
  defaults: z.input<S>,
): (record: { readonly input: unknown }) => StoredInput<z.output<S>> {
  return ({ input }) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { input: parsed.data, unreadable: [] };
    const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
    const unreadable = isObject
      ? [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "input")))]
      : ["input"];
    const kept = isObject
      ? Object.fromEntries(Object.entries(input).filter(([key]) => !unreadable.includes(key)))
      : {};
    const retried = schema.safeParse({ ...defaults, ...kept });
    return retried.success
      ? { input: retried.data, unreadable }
      : { input: schema.parse(defaults), unreadable: ["input"] };
  };
}

/** A line for a record's description when some of its stored fields could not be read; none otherwise. */
export function unreadableLines(unreadable: readonly string[]): string[] {
  return unreadable.length === 0
    ? []
    : [`Stored fields that could not be read (left out, or defaults used): ${unreadable.join(", ")}`];
}
