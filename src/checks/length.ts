import type { Check } from "./types.ts";
import { countWords } from "./words.ts";

/** The body's word count is within the asked range. */
export function lengthCheck(body: string, length: { readonly min: number; readonly max: number }): Check {
  const words = countWords(body);
  const range = length.min === length.max ? `${length.min}` : `${length.min}-${length.max}`;
  return {
    check: "length",
    ok: words >= length.min && words <= length.max,
    detail: `${words} ${words === 1 ? "word" : "words"}; asked for ${range}`,
  };
}
