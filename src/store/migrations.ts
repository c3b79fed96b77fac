import type { DatabaseSync } from "node:sqlite";

/**
 * Schema history: entry N moves the database from version N to N+1 (`PRAGMA user_version`).
 * Never edit an entry that has shipped; append a new one.
 */
export const MIGRATIONS: readonly string[] = [
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
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): number {
  // Up to date: no write lock, so a database that can only be read (a read-only folder) opens too.
  if (userVersion(db) === migrations.length) return migrations.length;
  db.exec("BEGIN IMMEDIATE");
  try {
    const current = userVersion(db);
    if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length);
    for (let version = current; version < migrations.length; version++) {
      db.exec(migrations[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    }
    db.exec("COMMIT");
    return migrations.length;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
