import { type BigIntStats, statSync } from "node:fs";

/** A write refused because it could not last: the file is gone, replaced, or cannot be written. */
export class DatabaseWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseWriteError";
  }
}

/** `file`: the folder is writable but the database file in it is not. */
export function readOnlyFolderError(folder: string, file?: string): DatabaseWriteError {
  const what = file ? `The database file ${file} in the data folder` : `The data folder ${folder}`;
  return new DatabaseWriteError(
    `${what} is read-only, so copydesk can read what is stored there but cannot save. ` +
      `Make it writable, or choose another folder with --data-dir or COPYDESK_DATA_DIR.`,
  );
}

/**
 * Checks, before each write, that the database file at `path` is still the one that was opened: an
 * open SQLite handle keeps writing into a file that was deleted (or whose folder was) and reports
 * success, and everything written is lost at exit. Same device and inode, or the write is refused.
 */
export function durabilityGuard(path: string): () => void {
  const opened = identity(path);
  return () => {
    let now: BigIntStats;
    try {
      now = statSync(path, { bigint: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      throw new DatabaseWriteError(
        `copydesk's database ${path} was deleted (or its folder was) while copydesk was running, so nothing ` +
          "more can be saved to it and nothing was saved. Restart copydesk: it creates a new database.",
      );
    }
    if (opened === undefined || now.dev !== opened.dev || now.ino !== opened.ino) {
      throw new DatabaseWriteError(
        `copydesk's database ${path} was replaced by another file while copydesk was running, so nothing was ` +
          "saved (it would have gone into the old file). Restart copydesk to use the new one.",
      );
    }
  };
}

function identity(path: string): { dev: bigint; ino: bigint } | undefined {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return { dev, ino };
  } catch {
    return undefined;
  }
}
