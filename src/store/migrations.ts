import type { DatabaseSync } from "node:sqlite";
import { toGenericRecords } from "./migrations/3-generic-records.ts";
import { toRowChunks } from "./migrations/7-row-chunks.ts";

/** A step in SQL, or code for a step SQL cannot express (e.g. making URL handles). */
export type Migration = string | ((db: DatabaseSync) => void);

/**
 * Schema history: entry N moves the database from version N to N+1 (`PRAGMA user_version`).
 * Never edit an entry that has shipped; append a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE posts (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     content TEXT NOT NULL,
     abstract TEXT NOT NULL,
     model TEXT NOT NULL,
     stop_reason TEXT,
     route TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE products (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     keywords TEXT NOT NULL,
     description TEXT NOT NULL,
     model TEXT NOT NULL,
     stop_reason TEXT,
     route TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // 2: drafts. The host-model route stores a record before its text exists, so the text and the model
  // stay NULL until a save tool fills them in. SQLite cannot drop NOT NULL in place, so each table is
  // rebuilt, keeping seq so that ids, order and cursors survive.
  `CREATE TABLE posts_v2 (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     content TEXT NOT NULL,
     abstract TEXT,
     model TEXT,
     stop_reason TEXT,
     route TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   INSERT INTO posts_v2 SELECT * FROM posts;
   DROP TABLE posts;
   ALTER TABLE posts_v2 RENAME TO posts;
   CREATE TABLE products_v2 (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     keywords TEXT NOT NULL,
     description TEXT,
     model TEXT,
     stop_reason TEXT,
     route TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   INSERT INTO products_v2 SELECT * FROM products;
   DROP TABLE products;
   ALTER TABLE products_v2 RENAME TO products;`,
  // 3: every kind in one pair of tables, copy as versions that are never overwritten.
  toGenericRecords,
  // 4: brand voices. `key` is the
  // name as matched (case and spacing folded, see brandVoiceKey); `name` keeps the user's spelling.
  // The partial unique index makes a second default a constraint error, not a silent state.
  `CREATE TABLE brand_voices (
     key TEXT NOT NULL PRIMARY KEY,
     name TEXT NOT NULL,
     guidelines TEXT NOT NULL,
     example TEXT,
     banned_words TEXT NOT NULL,
     language TEXT,
     is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX brand_voices_one_default ON brand_voices (is_default) WHERE is_default = 1;`,
  // 5: the catalog. A record has a review status and may come from a store file, whose every row is kept
  // for export; jobs write copy for many records, and a version names the job that wrote it, so a job
  // knows what it has done from the versions alone (a crash cannot leave the two disagreeing).
  `ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
   UPDATE records SET status = 'written' WHERE latest_version > 0;
   ALTER TABLE records ADD COLUMN import_id TEXT;
   ALTER TABLE records ADD COLUMN source_key TEXT;
   CREATE INDEX records_source_key ON records (kind, source_key) WHERE source_key IS NOT NULL;
   CREATE INDEX records_kind_status ON records (kind, status, seq);
   ALTER TABLE versions ADD COLUMN job_id TEXT;
   CREATE INDEX versions_job ON versions (job_id) WHERE job_id IS NOT NULL;
   CREATE TABLE imports (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     source TEXT,
     header TEXT NOT NULL,
     row_count INTEGER NOT NULL DEFAULT 0,
     summary TEXT,
     imported_at TEXT NOT NULL
   );
   CREATE TABLE import_products (
     import_id TEXT NOT NULL REFERENCES imports (id),
     position INTEGER NOT NULL,
     product TEXT NOT NULL,
     PRIMARY KEY (import_id, position)
   ) WITHOUT ROWID;
   CREATE TABLE import_rows (
     import_id TEXT NOT NULL REFERENCES imports (id),
     number INTEGER NOT NULL,
     raw TEXT NOT NULL,
     record_seq INTEGER,
     is_first INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (import_id, number)
   ) WITHOUT ROWID;
   CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     options TEXT NOT NULL,
     total INTEGER NOT NULL,
     input_tokens INTEGER NOT NULL DEFAULT 0,
     output_tokens INTEGER NOT NULL DEFAULT 0,
     heartbeat_at TEXT,
     owner_pid INTEGER,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE job_items (
     job_id TEXT NOT NULL REFERENCES jobs (id),
     record_seq INTEGER NOT NULL,
     position INTEGER NOT NULL,
     error TEXT,
     PRIMARY KEY (job_id, record_seq)
   ) WITHOUT ROWID;`,
  // 6: which record a row of a store file carries copy for, kept apart from the rows. Setting it on the row
  // itself rewrote every page of import_rows (the file's text: 25 MiB for 100,000 Shopify rows) in the
  // import's last transaction; a table of its own takes the same links in under 2 MiB.
  // import_rows.record_seq and is_first are no longer written.
  `CREATE TABLE import_links (
     import_id TEXT NOT NULL REFERENCES imports (id),
     number INTEGER NOT NULL,
     record_seq INTEGER NOT NULL REFERENCES records (seq),
     PRIMARY KEY (import_id, number)
   ) WITHOUT ROWID;
   INSERT INTO import_links (import_id, number, record_seq)
     SELECT import_id, number, record_seq FROM import_rows WHERE record_seq IS NOT NULL;`,
  // 7: a store file's rows in chunks of consecutive rows (see the file).
  toRowChunks,
  // 8: the server-side provider a job was started with (JSON: provider, model, URL; never the key), so
  // `copydesk write --resume` calls the same one again.
  "ALTER TABLE jobs ADD COLUMN provider TEXT;",
  // 9: the version a person let through (approved, or exported) and the version last exported, kept apart
  // from the status: a newer version makes the record "written" again, and an export must still write the
  // approved copy, not the imported cells. Records approved or exported so far were so at their latest
  // version (a new version resets the status).
  `ALTER TABLE records ADD COLUMN approved_version INTEGER;
   ALTER TABLE records ADD COLUMN exported_version INTEGER;
   UPDATE records SET approved_version = latest_version WHERE status IN ('approved', 'exported');
   UPDATE records SET exported_version = latest_version WHERE status = 'exported';`,
  // 10: why a job stopped (a wrong key, an unknown model, nothing listening), shown until it is resumed.
  "ALTER TABLE jobs ADD COLUMN stop_reason TEXT;",
  // 11: the job a record is pending in, found from the record: every save asks (1.4 ms a lookup in a
  // 20,000-product job without it, growing with the job).
  "CREATE INDEX job_items_record ON job_items (record_seq);",
  // 12: the files exports wrote (real path, and its size and modification time right after), so the next
  // export may replace such a file unasked but never one copydesk did not write, or one changed since.
  `CREATE TABLE export_files (
     path TEXT NOT NULL PRIMARY KEY,
     size INTEGER NOT NULL,
     mtime_ms REAL NOT NULL,
     written_at TEXT NOT NULL
   );`,
  // 13: what a job item started from and why it was skipped. `base_version` is the record's latest version
  // when the item was added: a newer one not of this job means another route wrote it meanwhile, so the job
  // does not write it again. `skipped` names the other job that had it open when this one started or resumed.
  `ALTER TABLE job_items ADD COLUMN base_version INTEGER;
   ALTER TABLE job_items ADD COLUMN skipped TEXT;`,
  // 14: the process staging an import, so that one killed while staging is marked failed, not left staging.
  "ALTER TABLE imports ADD COLUMN owner_pid INTEGER;",
];

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database has schema version ${found}, but this copydesk knows only up to ${known}: ` +
        "it was written by a newer copydesk. Upgrade copydesk, or point --data-dir elsewhere.",
    );
    this.name = "SchemaTooNewError";
  }
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare("PRAGMA user_version").get() as { user_version: number };
  return row.user_version;
}

/** Brings the schema up to date. IMMEDIATE so two processes starting at once do not both migrate. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  // Up to date: no write lock, so a database that can only be read (a read-only folder) opens too.
  if (userVersion(db) === migrations.length) return migrations.length;
  db.exec("BEGIN IMMEDIATE");
  try {
    const current = userVersion(db);
    if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length);
    for (let version = current; version < migrations.length; version++) {
      const step = migrations[version] as Migration;
      if (typeof step === "string") db.exec(step);
      else step(db);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    }
    db.exec("COMMIT");
    return migrations.length;
  } catch (error) {
    // A full disk ends the transaction itself; a failed ROLLBACK then would hide why (see transaction.ts).
    try {
      db.exec("ROLLBACK");
    } catch {}
    throw error;
  }
}
