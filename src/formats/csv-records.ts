import { finished } from "node:stream/promises";
import { type CsvError, type Options, parse } from "csv-parse";
import { ByteWindow } from "./byte-window.ts";
import { CatalogFileError } from "./errors.ts";
import type { CatalogHeader, SourceRow } from "./types.ts";

export const DEFAULT_MAX_ROW_BYTES = 2 * 1024 * 1024;
const UTF8_BOM_BYTES = 3;

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
 * The file's records, each with its exact text, a batch for each piece of the file read (one await per
 * batch, not per row). The text is cut from the bytes where the parser ends each record, line ending
 * included, rather than by csv-parse's `raw`, which copies every character again and drops a CRLF's "\n".
 * Figures: docs/decisions/catalog-files.md.
 */
export async function* csvRecords(
  bytes: AsyncIterable<Buffer>,
  bom: boolean,
  maxRowBytes = DEFAULT_MAX_ROW_BYTES,
): AsyncIterable<SourceRow[]> {
  let lastLine = 0;
  let number = 0;
  let parsed: SourceRow[] = [];
  const window = new ByteWindow(bom ? UTF8_BOM_BYTES : 0);
  const options: Options<null, string[]> = {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRowBytes,
    // Runs as each record ends, while the bytes it came from are at hand; the record is kept here, and
    // the parser hands nothing on (null). Where a failing record starts is tracked here too. Tools that
    // drop trailing empty cells make short rows: the cells a row lacks read as empty.
    on_record: (cells, context) => {
      lastLine = context.lines;
      parsed.push({ number: ++number, raw: window.take(context.bytes), cells });
      return null;
    },
  };
  // on_record changes what the parser hands on; its declared type knows only string[] records.
  const parser = parse(options as unknown as Options);
  parser.resume();
  const done = finished(parser);
  const take = () => {
    const batch = parsed;
    parsed = [];
    return batch;
  };
  try {
    for await (const buffer of bytes) {
      window.add(buffer);
      // The parser runs as it is written to (its output side never fills): the batch is ready after.
      parser.write(buffer);
      if (parser.errored) throw parser.errored;
      if (parsed.length > 0) yield take();
    }
    parser.end();
    await done;
    if (parsed.length > 0) yield take();
  } catch (error) {
    const records = (error as { records?: unknown }).records;
    throw readable(error, (typeof records === "number" ? records : number) + 1, lastLine + 1, maxRowBytes);
  } finally {
    parser.destroy();
    done.catch(() => {});
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
