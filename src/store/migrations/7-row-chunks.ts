import type { DatabaseSync } from "node:sqlite";

/** As many rows as an import staged at once when schema 7 shipped (BATCH_ROWS in src/formats/staged-read.ts). */
const ROWS_PER_CHUNK = 500;

/**
 * Schema 7: a store file's rows are kept as chunks of consecutive rows, one SQLite row per chunk, instead of
 * one each, which repeated the import's id in every entry (figures: docs/decisions/sqlite.md). The rows
 * already stored move into chunks as they are; a gap in the numbers starts a new chunk.
 */
export function toRowChunks(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE import_chunks (
      import_id TEXT NOT NULL REFERENCES imports (id),
      first_number INTEGER NOT NULL,
      lengths TEXT NOT NULL,
      raw TEXT NOT NULL,
      PRIMARY KEY (import_id, first_number)
    );`);
  const insert = db.prepare(
    "INSERT INTO import_chunks (import_id, first_number, lengths, raw) VALUES (?, ?, ?, ?)",
  );
  const rowsOf = db.prepare("SELECT number, raw FROM import_rows WHERE import_id = ? ORDER BY number");
  const imports = db.prepare("SELECT DISTINCT import_id FROM import_rows").all();
  for (const { import_id: importId } of imports as { import_id: string }[]) {
    let batch: { number: number; raw: string }[] = [];
    const flush = () => {
      for (const chunk of toChunks(batch)) insert.run(importId, chunk.firstNumber, chunk.lengths, chunk.raw);
      batch = [];
    };
    for (const row of rowsOf.iterate(importId) as Iterable<{ number: number; raw: string }>) {
      batch.push({ number: row.number, raw: row.raw });
      if (batch.length === ROWS_PER_CHUNK) flush();
    }
    flush();
  }
  db.exec("DROP TABLE import_rows");
}

// The chunks as src/formats/row-chunks.ts made them when schema 7 shipped, frozen here: the live reader
// must keep reading these, but a later change to how imports write chunks must not change this step.
interface RowChunk {
  readonly firstNumber: number;
  readonly lengths: string;
  readonly raw: string;
}

/** The rows as chunks of consecutive numbers; a new one wherever a number is skipped. */
function toChunks(rows: readonly { number: number; raw: string }[]): RowChunk[] {
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
