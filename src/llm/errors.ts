/**
 * Why a generation failed, in words a person can act on. Tools turn these into `isError` results;
 * anything else that escapes a tool is a bug and is reported as such.
 */
export type GenerationFailure =
  | "no-sampling"
  | "declined"
  | "timeout"
  | "cancelled"
  | "empty"
  | "not-text"
  | "too-long"
  | "invalid"
  | "client-error";

export class GenerationError extends Error {
  readonly failure: GenerationFailure;

  constructor(failure: GenerationFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GenerationError";
    this.failure = failure;
  }
}

/** Clients known (late 2026) to implement sampling: named in the error a client without it gets. */
export const SAMPLING_CLIENTS = "VS Code with GitHub Copilot, GitHub Copilot CLI, goose or the MCP Inspector";
