import type { Check, CheckName } from "./types.ts";

/** A field that must not be empty and must stay within `max` characters (code points, as stores count). */
export function characterLimitCheck(check: CheckName, value: string, max: number): Check {
  const characters = [...value.trim()].length;
  if (characters === 0)
    return { check, ok: false, detail: `${check} is empty; write one of at most ${max} characters` };
  const noun = characters === 1 ? "character" : "characters";
  return { check, ok: characters <= max, detail: `${check} has ${characters} ${noun}; at most ${max}` };
}
