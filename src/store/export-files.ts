import type { DatabaseSync } from "node:sqlite";

/** A file as an export left it: a file changed since (edited, or replaced by another) differs in one. */
export interface WrittenFile {
  readonly size: number;
  readonly mtimeMs: number;
}

/** The files exports wrote, by real path: the ones an export may replace without being asked. */
export interface ExportFiles {
  /** How an export left the file at this real path; undefined when no export wrote it. */
  written(path: string): WrittenFile | undefined;
  /** Records that an export just wrote this file. */
  wrote(path: string, file: WrittenFile): void;
}

export function openExportFiles(
  db: DatabaseSync,
  transaction: <T>(work: () => T) => T,
  now: () => Date,
): ExportFiles {
  const select = db.prepare("SELECT size, mtime_ms FROM export_files WHERE path = ?");
  const upsert = db.prepare(
    `INSERT INTO export_files (path, size, mtime_ms, written_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, written_at = excluded.written_at`,
  );
  return {
    written(path) {
      const row = select.get(path) as { size: number; mtime_ms: number } | undefined;
      return row && { size: Number(row.size), mtimeMs: Number(row.mtime_ms) };
    },
    wrote(path, file) {
      transaction(() => upsert.run(path, file.size, file.mtimeMs, now().toISOString()));
    },
  };
}
