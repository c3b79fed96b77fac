import type { Check } from "./types.ts";

/**
 * The copy fields left empty (a text with no words, a list with no items): what a reply in prose leaves
 * out, or a single-text save on a draft. Undefined when every field is filled, so copy written whole
 * does not carry a check that cannot fail. `fill` says how to fill them, for the reader.
 */
export function missingFieldsCheck(copy: object, fill: string): Check | undefined {
  const missing = Object.entries(copy)
    .filter(([, value]) => (Array.isArray(value) ? value.length === 0 : String(value ?? "").trim() === ""))
    .map(([field]) => field);
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return {
    check: "missing_fields",
    ok: false,
    detail: `${list} ${missing.length === 1 ? "is" : "are"} empty; ${fill}`,
  };
}
