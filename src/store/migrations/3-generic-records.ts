import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { migrationSlugify } from "./libraries.ts";

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

// The handles of schema 3 as src/text/handle.ts made them when it shipped, frozen here: a later change to
// live handles must not change what migrating an old database gives.
const MAX_HANDLE = 60;
const FALLBACK = "product";

function slugify(title: string): string {
  return cut(migrationSlugify()(title, { decamelize: false }), MAX_HANDLE) || FALLBACK;
}

function uniqueHandle(base: string, taken: (handle: string) => boolean): string {
  const root = cut(base, MAX_HANDLE) || FALLBACK;
  if (!taken(root)) return root;
  for (let n = 2; n < 100_000; n++) {
    const suffix = `-${n}`;
    const candidate = `${cut(root, MAX_HANDLE - suffix.length) || FALLBACK}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free handle for "${base}" after 100000 tries`);
}

/** At most `max` characters, cut at the last hyphen that fits unless that would leave too little. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug.replace(/^-+|-+$/g, "");
  const head = slug.slice(0, max + 1);
  const hyphen = head.lastIndexOf("-");
  const kept = hyphen >= max / 2 ? head.slice(0, hyphen) : slug.slice(0, max);
  return kept.replace(/^-+|-+$/g, "");
}
