import { resolve } from "node:path";
import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { describeDuration, parseDuration } from "../platform/duration.ts";
import { LOG_LEVELS } from "../platform/logger.ts";
import type { ParsedOptions } from "./parse-options.ts";
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

/** A whole number of at least 1, or a usage error naming the option. */
export function countOption(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) {
    throw new UsageError(`--${name}: "${text}" must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** --log-level, one of the levels the logger knows. */
export function logLevelOption(text: string): LoggingLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new UsageError(`--log-level: "${text}" is not one of ${LOG_LEVELS.join(", ")}`);
  }
  return text as LoggingLevel;
}

/** --data-dir (or its variable), absolute; else the per-user data folder. */
export function dataDirOption(parsed: ParsedOptions, defaultDataDir: string): string {
  if (parsed.flagText("data-dir")?.trim() === "") {
    // It would quietly mean the current folder, wherever the client starts copydesk. (An empty variable
    // counts as unset, as for every option.)
    throw new UsageError("--data-dir: the folder name is empty; give a folder, or leave the option out");
  }
  return resolve(parsed.pick("data-dir") ?? defaultDataDir);
}
