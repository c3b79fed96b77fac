import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { slugify, uniqueHandle } from "../../text/handle.ts";

type Row = Record<string, SQLInputValue>;

/**
 * Schema 3: posts and products become records of a kind, and their text becomes version 1 of their
 * copy, so later writes add versions instead of overwriting. Ids and order survive; a stored text keeps
 * its model and route; the copy's new fields start empty and its checks are marked as not run.
 */
export function toGenericRecords(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE records (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      handle TEXT,
      input TEXT NOT NULL,
      latest_version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX records_kind_handle ON records (kind, handle) WHERE handle IS NOT NULL;
    CREATE INDEX records_kind_seq ON records (kind, seq);
    CREATE TABLE versions (
      record_seq INTEGER NOT NULL REFERENCES records (seq),
      version INTEGER NOT NULL,
      source TEXT NOT NULL,
      route TEXT NOT NULL,
      model TEXT,
      stop_reason TEXT,
      instructions TEXT,
      restored_from INTEGER,
      checks TEXT,
      copy TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (record_seq, version)
    ) WITHOUT ROWID;
    CREATE TABLE images (
      sha256 TEXT PRIMARY KEY,
      mime_type TEXT NOT NULL,
      data BLOB NOT NULL
    ) WITHOUT ROWID;
  `);
  const insertRecord = db.prepare(
    `INSERT INTO records (kind, id, title, handle, input, latest_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO versions (record_seq, version, source, route, model, stop_reason, instructions, checks, copy, created_at)
     VALUES (?, 1, 'migrated', ?, ?, ?, NULL, NULL, ?, ?)`,
  );
  const handles = new Set<string>();
  const move = (kind: string, row: Row, input: object, handle: string | null, copy: object | null) => {
    const { seq } = insertRecord.get(
      kind,
      row.id as string,
      row.title as string,
      handle,
      JSON.stringify(input),
      copy ? 1 : 0,
      row.created_at as string,
      row.updated_at as string,
    ) as { seq: number };
    if (copy) {
      insertVersion.run(
        seq,
        row.route as string,
        row.model ?? null,
        row.stop_reason ?? null,
        JSON.stringify(copy),
        row.updated_at as string,
      );
    }
  };
  for (const row of db.prepare("SELECT * FROM posts ORDER BY seq").all() as Row[]) {
    const copy =
      row.abstract === null ? null : { abstract: row.abstract, seo_title: "", seo_description: "", tags: [] };
    move("post", row, { content: row.content }, null, copy);
  }
  for (const row of db.prepare("SELECT * FROM products ORDER BY seq").all() as Row[]) {
    const handle = uniqueHandle(slugify(String(row.title)), (h) => handles.has(h));
    handles.add(handle);
    const copy =
      row.description === null
        ? null
        : {
            description: row.description,
            description_html: "",
            short_description: "",
            bullets: [],
            seo_title: "",
            seo_description: "",
            tags: [],
          };
    move("product", row, { keywords: JSON.parse(String(row.keywords)) }, handle, copy);
  }
  db.exec("DROP TABLE posts; DROP TABLE products;");
}
