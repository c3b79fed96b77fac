import { GenerationError } from "../sampling/errors.ts";
import { StoreUnavailableError } from "../store/lazy-store.ts";
import { SchemaTooNewError } from "../store/migrations.ts";
import { InvalidCursorError } from "../store/records.ts";
import { SaveFailedError } from "./save.ts";

/** A failure the user can act on, as one message; undefined for anything that is a bug. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

const EXPECTED = [
  GenerationError,
  InvalidCursorError,
  NotFoundError,
  StoreUnavailableError,
  SchemaTooNewError,
  SaveFailedError,
];

export function toolFailureMessage(error: unknown): string | undefined {
  return EXPECTED.some((kind) => error instanceof kind) ? (error as Error).message : undefined;
}
