import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { pathToFileURL } from "node:url";
import { DatabaseWriteError, durabilityGuard, readOnlyFolderError } from "./durability.ts";

export interface OpenedDatabase {
  readonly db: DatabaseSync;
  /** Opened read-only because the folder or the file cannot be written. */
  readonly readOnly: boolean;
  /** Call first in every write: throws a readable DatabaseWriteError when the write could not last. */
  readonly beforeWrite: () => void;
}

/**
 * Opens the SQLite database at `path` (or ":memory:"), creating its folder, and runs `prepare` (the
 * migrations). A folder or file that cannot be written is opened read-only, so what is stored there can
 * still be read; every write then fails with a sentence that says the folder is read-only.
 */
export function openDatabase(path: string, prepare: (db: DatabaseSync) => void): OpenedDatabase {
  // Loaded on first use, not at start-up: nothing before the first tool call needs it, and a module
  // with native state cannot be part of a V8 startup snapshot.
  const { DatabaseSync } = process.getBuiltinModule("node:sqlite");
  if (path === ":memory:") {
    const db = new DatabaseSync(path);
    prepare(db);
    return { db, readOnly: false, beforeWrite: () => {} };
  }
  const folder = dirname(resolve(path));
  createFolder(folder);
  const folderWritable = writable(folder);
  const readOnly = !folderWritable || (exists(path) && !writable(path));
  if (readOnly && !exists(path)) {
    throw new DatabaseWriteError(
      `The data folder ${folder} is read-only and holds no copydesk.db yet, so there is nothing to read and ` +
        "nowhere to save. Make the folder writable, or choose another with --data-dir or COPYDESK_DATA_DIR.",
    );
  }
  const db = readOnly ? openReadOnly(DatabaseSync, path) : new DatabaseSync(path);
  try {
    // First: another copydesk process (a second client window) may hold a lock for a moment, even
    // while this one switches to WAL.
    db.exec("PRAGMA busy_timeout = 5000");
    if (!readOnly) {
      // A new database gets 16 KiB pages (an existing one keeps its size: changing it rewrites the file): SQLite
      // makes a system call or two per page, and 4 KiB pages took over 3x as many (docs/decisions/sqlite.md).
      db.exec("PRAGMA page_size = 16384");
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
      // A write inside a larger transaction keeps a statement journal (to undo just that statement); on
      // disk that was a temporary file written for every insert, ~17 system calls each, half an import's time.
      db.exec("PRAGMA temp_store = MEMORY");
    }
    try {
      prepare(db);
    } catch (error) {
      if (readOnly && /readonly/i.test((error as Error).message)) {
        throw new DatabaseWriteError(
          `The data folder ${folder} is read-only, and its database must be upgraded for this copydesk ` +
            "before it can be read. Make the folder writable once, or choose another with --data-dir.",
        );
      }
      throw error;
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const guard = durabilityGuard(path);
  return {
    db,
    readOnly,
    beforeWrite: readOnly
      ? () => {
          throw readOnlyFolderError(folder, folderWritable ? path : undefined);
        }
      : guard,
  };
}

/**
 * Makes the missing folders one level at a time. (Node's recursive mkdirSync loops forever on a path
 * under /proc, at full CPU and deaf to signals: issue 9.)
 */
function createFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) {
        throw new Error(`${current} is a file, not a folder`);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(current);
      if (dirname(current) === current) break;
    }
  }
  for (const each of missing.reverse()) {
    try {
      mkdirSync(each);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      // lazyStore adds what to do about it.
      throw new Error(`cannot create the folder ${each} (${code ?? String(error)})`);
    }
  }
}

/**
 * A WAL database in a folder nobody may write opens read-only only while its -shm file exists; without
 * one, SQLite is told the file cannot change under it (immutable), which holds as long as nobody can write.
 */
function openReadOnly(Database: typeof DatabaseSync, path: string): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    db = new Database(path, { readOnly: true });
    db.prepare("PRAGMA schema_version").get();
    return db;
  } catch {
    db?.close();
    const url = pathToFileURL(path);
    url.searchParams.set("immutable", "1");
    return new Database(url, { readOnly: true });
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
