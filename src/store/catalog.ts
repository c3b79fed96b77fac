import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import type { CatalogHeader } from "../catalog/types.ts";
import { uniqueHandle } from "../copy/handle.ts";

type Row = Record<string, SQLInputValue>;

export interface StoreTools {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly transaction: <T>(work: () => T) => T;
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly { readonly row: number; readonly reason: string }[];
}

export interface ImportInfo {
  readonly id: string;
  readonly state: "staging" | "done" | "failed";
  readonly source: string | null;
  readonly header: CatalogHeader;
  readonly rowCount: number;
  readonly summary: ImportSummary | null;
  readonly importedAt: string;
}

/** A staged product: what the file says, as the record it becomes, before it is matched against the store. */
export interface StagedProduct {
  /** How the product is found again (see sourceKey in src/pipeline/import-products.ts). */
  readonly sourceKey: string;
  readonly title: string;
  /** The store's handle, if the file has one; a new record without one gets a handle made from its title. */
  readonly handle: string | null;
  /** The record's input as JSON text: what a new record stores as it is, and one compact string to hold. */
  readonly inputJson: string;
  /** The row its copy is written into. */
  readonly firstRow: number;
}

export interface ImportRow {
  readonly number: number;
  readonly raw: string;
  /** The record whose copy goes into this row (a product's first row only), as it stands now. */
  readonly record: RowRecord | null;
}

/** What an export needs of a row's record: its status and its latest copy (undefined while a draft). */
export interface RowRecord {
  readonly id: string;
  readonly status: string;
  readonly copy: Record<string, unknown> | undefined;
}

/** A record found by its store key: what a new import compares against. */
export interface SourceRecord {
  readonly seq: number;
  readonly title: string;
  readonly input: Record<string, unknown>;
}

/** A draft record made from a store file. */
export interface ImportedRecord {
  readonly title: string;
  /** The handle wanted; -2, -3... are added when another record of the kind has it, as Store.create does. */
  readonly handle: string;
  /** As JSON text. */
  readonly inputJson: string;
  readonly importId: string;
  readonly sourceKey: string;
}

/**
 * Store files as copydesk keeps them: an import is staged row by row while the file is read (small
 * transactions, so other writers go on), and only applied to the records once the whole file was read.
 * A file that fails half-way leaves a failed import and no product changed.
 */
export interface Catalog {
  beginImport(source: string | null, header: CatalogHeader): string;
  stageRows(importId: string, rows: readonly { number: number; raw: string }[]): void;
  stageProducts(importId: string, products: readonly StagedProduct[], firstPosition: number): void;
  /** The staged products, in file order (streamed from the database). */
  staged(importId: string): Iterable<StagedProduct>;
  /** Marks the product's first row as the one its copy is written into. */
  linkRow(importId: string, number: number, recordSeq: number): void;
  finishImport(importId: string, rowCount: number, summary: ImportSummary): void;
  failImport(importId: string): void;
  getImport(id: string): ImportInfo | undefined;
  /** The newest finished import, of these dialects if given. */
  latestImport(dialects?: readonly string[]): ImportInfo | undefined;
  listImports(): readonly ImportInfo[];
  /** An import's rows in file order, each first row with its record's status and latest copy (streamed). */
  rows(importId: string): Iterable<ImportRow>;
  /** The record a store key belongs to. */
  findBySourceKey(kind: string, sourceKey: string): SourceRecord | undefined;
  /**
   * Stores a draft record from a store file and returns its seq: Store.create without reading the record
   * back, for imports of many thousands. Call inside a transaction (the handle is chosen in it).
   */
  createImported(kind: string, record: ImportedRecord): number;
  /** Points a record at the import it came from (again), with its key and what the file says now. */
  linkRecord(
    seq: number,
    link: { importId: string; sourceKey: string; title?: string; input?: Record<string, unknown> },
  ): void;
}

const ROWS_AT_ONCE = 50;

export function openCatalog(db: DatabaseSync, { now, newId, transaction }: StoreTools): Catalog {
  const insertImport = db.prepare(
    "INSERT INTO imports (id, state, source, header, imported_at) VALUES (?, 'staging', ?, ?, ?)",
  );
  const insertRow = db.prepare("INSERT INTO import_rows (import_id, number, raw) VALUES (?, ?, ?)");
  // Rows go in ROWS_AT_ONCE to a statement: a 100,000-row file is 2,000 statements, not 100,000.
  const insertRows = db.prepare(
    `INSERT INTO import_rows (import_id, number, raw) VALUES ${Array(ROWS_AT_ONCE).fill("(?, ?, ?)").join(", ")}`,
  );
  const insertProduct = db.prepare(
    "INSERT INTO import_products (import_id, position, product) VALUES (?, ?, ?)",
  );
  const stagedOf = db.prepare("SELECT product FROM import_products WHERE import_id = ? ORDER BY position");
  const link = db.prepare(
    "INSERT OR REPLACE INTO import_links (record_seq, import_id, number) VALUES (?, ?, ?)",
  );
  const finish = db.prepare("UPDATE imports SET state = 'done', row_count = ?, summary = ? WHERE id = ?");
  const dropStaged = db.prepare("DELETE FROM import_products WHERE import_id = ?");
  const fail = db.prepare("UPDATE imports SET state = 'failed' WHERE id = ?");
  const dropRows = db.prepare("DELETE FROM import_rows WHERE import_id = ?");
  const byId = db.prepare("SELECT * FROM imports WHERE id = ?");
  const done = db.prepare("SELECT * FROM imports WHERE state = 'done' ORDER BY imported_at DESC, rowid DESC");
  const rowsOf = db.prepare(
    `SELECT i.number, i.raw, r.id AS record_id, r.status, v.copy
     FROM import_rows i
       LEFT JOIN import_links l ON l.import_id = i.import_id AND l.number = i.number
       LEFT JOIN records r ON r.seq = l.record_seq
       LEFT JOIN versions v ON v.record_seq = r.seq AND v.version = r.latest_version
     WHERE i.import_id = ? ORDER BY i.number`,
  );
  // As arrays: an export reads 100,000 rows, and arrays are made faster than objects with named fields.
  rowsOf.setReturnArrays(true);
  const bySourceKey = db.prepare("SELECT seq, title, input FROM records WHERE kind = ? AND source_key = ?");
  const handleUse = db.prepare("SELECT 1 FROM records WHERE kind = ? AND handle = ?");
  const insertRecord = db.prepare(
    `INSERT INTO records (kind, id, title, handle, input, latest_version, import_id, source_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?) RETURNING seq`,
  );
  const relink = db.prepare(
    `UPDATE records SET import_id = ?, source_key = ?, title = coalesce(?, title), input = coalesce(?, input),
       updated_at = ? WHERE seq = ?`,
  );

  const toInfo = (row: Row): ImportInfo => ({
    id: String(row.id),
    state: String(row.state) as ImportInfo["state"],
    source: row.source === null ? null : String(row.source),
    header: JSON.parse(String(row.header)) as CatalogHeader,
    rowCount: Number(row.row_count),
    summary: row.summary === null ? null : (JSON.parse(String(row.summary)) as ImportSummary),
    importedAt: String(row.imported_at),
  });

  return {
    beginImport(source, header) {
      const id = newId();
      transaction(() => insertImport.run(id, source, JSON.stringify(header), now().toISOString()));
      return id;
    },
    stageRows(importId, rows) {
      transaction(() => {
        let next = 0;
        for (; next + ROWS_AT_ONCE <= rows.length; next += ROWS_AT_ONCE) {
          const values: SQLInputValue[] = [];
          for (const row of rows.slice(next, next + ROWS_AT_ONCE)) values.push(importId, row.number, row.raw);
          insertRows.run(...values);
        }
        for (const row of rows.slice(next)) insertRow.run(importId, row.number, row.raw);
      });
    },
    stageProducts(importId, products, firstPosition) {
      transaction(() => {
        products.forEach((product, i) => {
          insertProduct.run(importId, firstPosition + i, JSON.stringify(product));
        });
      });
    },
    *staged(importId) {
      for (const row of stagedOf.iterate(importId) as Iterable<Row>) {
        yield JSON.parse(String(row.product)) as StagedProduct;
      }
    },
    linkRow(importId, number, recordSeq) {
      link.run(recordSeq, importId, number);
    },
    finishImport(importId, rowCount, summary) {
      transaction(() => {
        finish.run(rowCount, JSON.stringify(summary), importId);
        dropStaged.run(importId);
      });
    },
    failImport(importId) {
      transaction(() => {
        fail.run(importId);
        dropStaged.run(importId);
        dropRows.run(importId);
      });
    },
    getImport(id) {
      const row = byId.get(id) as Row | undefined;
      return row && toInfo(row);
    },
    latestImport(dialects) {
      for (const row of done.iterate() as Iterable<Row>) {
        const info = toInfo(row);
        if (!dialects || dialects.includes(info.header.dialect)) return info;
      }
      return undefined;
    },
    listImports() {
      return (done.all() as Row[]).map(toInfo);
    },
    *rows(importId) {
      for (const [number, raw, recordId, status, copy] of rowsOf.iterate(importId) as Iterable<
        SQLInputValue[]
      >) {
        yield {
          number: Number(number),
          raw: String(raw),
          record:
            recordId === null
              ? null
              : {
                  id: String(recordId),
                  status: String(status),
                  copy: copy === null ? undefined : (JSON.parse(String(copy)) as Record<string, unknown>),
                },
        };
      }
    },
    findBySourceKey(kind, sourceKey) {
      const row = bySourceKey.get(kind, sourceKey) as Row | undefined;
      return (
        row && {
          seq: Number(row.seq),
          title: String(row.title),
          input: JSON.parse(String(row.input)) as Record<string, unknown>,
        }
      );
    },
    createImported(kind, record) {
      const at = now().toISOString();
      const handle = uniqueHandle(record.handle, (h) => handleUse.get(kind, h) !== undefined);
      const { title, inputJson, importId, sourceKey } = record;
      const row = insertRecord.get(
        kind,
        newId(),
        title,
        handle,
        inputJson,
        importId,
        sourceKey,
        at,
        at,
      ) as Row;
      return Number(row.seq);
    },
    linkRecord(seq, { importId, sourceKey, title, input }) {
      relink.run(
        importId,
        sourceKey,
        title ?? null,
        input === undefined ? null : JSON.stringify(input),
        now().toISOString(),
        seq,
      );
    },
  };
}
