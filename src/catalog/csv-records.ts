import { Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import { CatalogFileError } from "./errors.ts";
import type { CatalogHeader, SourceRow } from "./types.ts";

export const DEFAULT_MAX_ROW_BYTES = 2 * 1024 * 1024;

/** The line ending a file uses, from its first line break (CSV files do not mix them in practice). */
export function lineEndingOf(head: Buffer): CatalogHeader["lineEnding"] {
  const text = head.toString("latin1");
  const cr = text.indexOf("\r");
  const lf = text.indexOf("\n");
  if (cr === -1 && lf === -1) return "\n";
  if (cr === -1 || (lf !== -1 && lf < cr)) return "\n";
  return text[cr + 1] === "\n" || cr === text.length - 1 ? "\r\n" : "\r";
}

/**
 * The file's records, each with its exact text. csv-parse's `raw` stops after the first character of a
 * two-character line ending, so a CRLF file's rows get their "\n" back here.
 */
export async function* csvRecords(
  bytes: AsyncIterable<Buffer>,
  lineEnding: CatalogHeader["lineEnding"],
  maxRowBytes = DEFAULT_MAX_ROW_BYTES,
): AsyncIterable<SourceRow> {
  let lastLine = 0;
  const parser = parse({
    raw: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRowBytes,
    // The parser reads ahead of the consumer, so where a failing record starts is tracked here.
    on_record: (record, context) => {
      lastLine = context.lines;
      return record;
    },
  });
  const input = Readable.from(bytes);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let number = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const exact = lineEnding === "\r\n" && raw.endsWith("\r") ? `${raw}\n` : raw;
      // Tools that drop trailing empty cells make short rows; the cells a row lacks read as empty.
      yield { number: ++number, raw: exact, cells: record };
    }
  } catch (error) {
    const emitted = (error as { records?: unknown }).records;
    throw readable(error, (typeof emitted === "number" ? emitted : number) + 1, lastLine + 1, maxRowBytes);
  } finally {
    input.destroy();
  }
}

function readable(error: unknown, row: number, line: number, maxRowBytes: number): unknown {
  if (error instanceof CatalogFileError || !(error instanceof Error) || !("code" in error)) return error;
  const where = `row ${row} (starting on line ${line})`;
  switch ((error as CsvError).code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CatalogFileError(
        "malformed",
        `The file's quotes are unbalanced: a quoted cell in ${where} is never closed.`,
      );
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return new CatalogFileError(
        "malformed",
        `The file's quotes are unbalanced in ${where}: a quote inside a quoted cell must be written as two quotes ("").`,
      );
    case "CSV_MAX_RECORD_SIZE":
      return new CatalogFileError(
        "too-large",
        `The file's ${where} is larger than ${Math.round(maxRowBytes / 1024 / 1024)} MiB; a cell that large is not product text (an embedded image, or a quote left open?).`,
      );
    default:
      return new CatalogFileError("malformed", `The file is not valid CSV in ${where}: ${error.message}.`);
  }
}
