import { CatalogExportError, CatalogFileError } from "../formats/errors.ts";
import { ImageError } from "../images/image-error.ts";
import { GenerationError } from "../llm/errors.ts";
import { ProviderError } from "../llm/providers/errors.ts";
import { DatabaseWriteError } from "../store/durability.ts";
import { StoreUnavailableError } from "../store/lazy-store.ts";
import { SchemaTooNewError } from "../store/migrations.ts";
import { InvalidCursorError } from "../store/records.ts";
import { SaveFailedError } from "./save-or-keep.ts";
import { SelectionError } from "./selection.ts";

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
  CatalogFileError,
  CatalogExportError,
  SelectionError,
  GenerationError,
  ProviderError,
  InvalidCursorError,
  NotFoundError,
  TextRejectedError,
  StoreUnavailableError,
  DatabaseWriteError,
  SchemaTooNewError,
  SaveFailedError,
  ImageError,
];

/** A failure the user can act on, as one message; undefined for anything that is a bug. */
export function failureMessage(error: unknown): string | undefined {
  if (EXPECTED.some((type) => error instanceof type)) return (error as Error).message;
  // The database refused (locked past the busy timeout, disk full, read-only): not a bug in copydesk.
  if (error instanceof Error && (error as { code?: unknown }).code === "ERR_SQLITE_ERROR") {
    return (
      `copydesk's database could not complete the request (${error.message}). Try again; if it goes on, ` +
      "check the disk and the data folder (--data-dir or COPYDESK_DATA_DIR)."
    );
  }
  return diskFailure(error);
}

/** What a file-system error says happened, by its code; the user fixes these, not copydesk. */
const DISK_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full: free some space, or write to another disk, and try again",
  EDQUOT: "the disk quota is used up: free some space, or write to another disk, and try again",
  EROFS: "the file system is read-only: write to another folder",
  EISDIR: "that is a folder, not a file: give a file's name",
};

/** A full disk, a used-up quota, a read-only file system or a folder, as a sentence; else undefined. */
export function diskFailure(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  const why = code !== undefined && Object.hasOwn(DISK_FAILURES, code) ? DISK_FAILURES[code] : undefined;
  if (why === undefined) return undefined;
  const where = typeof path === "string" ? path : "a file";
  return `copydesk could not write ${where} (${code}): ${why}.`;
}
