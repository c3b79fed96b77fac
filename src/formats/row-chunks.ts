/** A run of consecutive rows of a store file, kept as one text: what one SQLite row of import_chunks holds. */
export interface RowChunk {
  readonly firstNumber: number;
  /** Each row's length in UTF-16 code units (JavaScript string length), as JSON: "[120,98,...]". */
  readonly lengths: string;
  /** The rows' exact texts, one after the other. */
  readonly raw: string;
}

/**
 * The rows as chunks of consecutive numbers: one chunk for a staged batch (rows arrive in file order), a new
 * one wherever a number is skipped. A row's text keeps its line ending, so the lengths say where rows end.
 */
export function toChunks(rows: readonly { number: number; raw: string }[]): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const row = rows[i];
    if (row !== undefined && row.number === (rows[i - 1] as { number: number }).number + 1) continue;
    const run = rows.slice(start, i);
    if (run.length > 0) {
      chunks.push({
        firstNumber: (run[0] as { number: number }).number,
        lengths: JSON.stringify(run.map((r) => r.raw.length)),
        raw: run.map((r) => r.raw).join(""),
      });
    }
    start = i;
  }
  return chunks;
}

/** A chunk's rows again, each with its number and exact text. */
export function* fromChunk(chunk: RowChunk): Iterable<{ number: number; raw: string }> {
  const lengths = JSON.parse(chunk.lengths) as number[];
  if (lengths.reduce((sum, length) => sum + length, 0) !== chunk.raw.length) {
    throw new Error(`The stored rows from ${chunk.firstNumber} do not match their lengths.`);
  }
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    yield { number: chunk.firstNumber + i, raw: chunk.raw.slice(at, at + length) };
    at += length;
  }
}
