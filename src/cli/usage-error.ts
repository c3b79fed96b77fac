import { escapeControlCharacters } from "../platform/escape.ts";

/** A mistake in how copydesk was started: one line on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE_EXIT_CODE = 2;

/** Every command's answer to a usage error: its one line on stderr; returns the exit code. */
export function reportUsageError(error: UsageError, stderr: { write(text: string): unknown }): number {
  stderr.write(`copydesk: ${escapeControlCharacters(error.message)}\n`);
  return USAGE_EXIT_CODE;
}
