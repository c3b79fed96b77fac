export type CatalogFileProblem =
  | "unreadable"
  | "binary"
  | "not-utf8"
  | "empty"
  | "malformed"
  | "too-large"
  | "unknown-layout"
  | "no-title"
  | "not-jsonl";

/** A store file that cannot be imported; the message is a sentence for the user. The importer's consumer
 * imports inside one transaction and rolls it back on this error, so nothing is imported. */
export class CatalogFileError extends Error {
  readonly problem: CatalogFileProblem;
  constructor(problem: CatalogFileProblem, message: string) {
    super(`${message} Nothing was imported.`);
    this.name = "CatalogFileError";
    this.problem = problem;
  }
}

/** An export that cannot be written where asked. */
export class CatalogExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogExportError";
  }
}
