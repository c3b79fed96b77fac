import { describeDuration, parseDuration } from "../platform/duration.ts";
import { UsageError } from "./usage-error.ts";

/**
 * A duration option's value in milliseconds, or a usage error naming the option. `maxMs` keeps values
 * inside what Node's timers can hold (past ~24.8 days they fire at once).
 */
export function durationOption(name: string, text: string, maxMs: number): number {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new UsageError(`--${name}: "${text}" is not a duration; use e.g. 90s, 5m, 1h or 1500ms`);
  if (ms > maxMs) throw new UsageError(`--${name}: "${text}" is more than ${describeDuration(maxMs)}`);
  return ms;
}
