import { ProviderError } from "../providers/errors.ts";
import { GenerationError } from "../sampling/errors.ts";
import { StoreUnavailableError } from "../store/lazy-store.ts";
import { SchemaTooNewError } from "../store/migrations.ts";
import { InvalidCursorError } from "../store/records.ts";
import { SaveFailedError } from "./save.ts";

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Text handed to a save tool that cannot be stored. */
export class TextRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextRejectedError";
  }
}

const EXPECTED = [
  GenerationError,
  ProviderError,
  InvalidCursorError,
  NotFoundError,
  TextRejectedError,
  StoreUnavailableError,
  SchemaTooNewError,
  SaveFailedError,
];

/** A failure the user can act on, as one message; undefined for anything that is a bug. */
export function toolFailureMessage(error: unknown): string | undefined {
  return EXPECTED.some((kind) => error instanceof kind) ? (error as Error).message : undefined;
}
