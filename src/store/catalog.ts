import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { fromChunk, type RowChunk } from "../formats/row-chunks.ts";
import type { CatalogHeader, StagedProduct } from "../formats/types.ts";
import { type ProcessProbe, thisProcess } from "../platform/process-probe.ts";
import { uniqueHandle } from "../text/handle.ts";

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

export interface ImportRow {
  readonly number: number;
  readonly raw: string;
  /** The record whose copy goes into this row (a product's first row only), as it stands now. */
  readonly record: RowRecord | null;
}

/** What an export needs of a row's record: its status and the copy that goes out, if any. */
export interface RowRecord {
  readonly seq: number;
  readonly id: string;
  readonly status: string;
  readonly latestVersion: number;
  /** The version whose copy this is; null when none goes out (a draft, or copy nobody let through). */
  readonly version: number | null;
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
  /** Keeps rows of the file, in chunks of consecutive rows (see catalog/row-chunks.ts). */
  stageRows(importId: string, chunks: readonly RowChunk[]): void;
  stageProducts(importId: string, products: readonly StagedProduct[], firstPosition: number): void;
  /** The staged products, in file order (streamed from the database). */
  staged(importId: string): Iterable<StagedProduct>;
  /** Marks each product's first row as the one its record's copy is written into. */
  linkRows(importId: string, links: readonly { number: number; recordSeq: number }[]): void;
  finishImport(importId: string, rowCount: number, summary: ImportSummary): void;
  failImport(importId: string): void;
  getImport(id: string): ImportInfo | undefined;
  /** The newest finished import, of these dialects if given. */
  latestImport(dialects?: readonly string[]): ImportInfo | undefined;
  listImports(): readonly ImportInfo[];
  /**
   * An import's rows in file order (streamed), each first row with its record and the copy that goes out: the
   * latest version's when the record's status is one of `latestFor`, else the approved version's, else none.
   */
  rows(importId: string, latestFor?: readonly string[]): Iterable<ImportRow>;
  /**
   * Records (by seq) that an export wrote this version of: it becomes their approved and exported version,
   * and those whose latest version went out become "exported" (a newer version keeps its own status). By
   * seq, one statement: an export of 33,000 products updated them by id in 0.4 s, by seq in 0.2 s.
   */
  markExported(written: readonly { readonly seq: number; readonly version: number }[]): void;
  /** The record a store key belongs to; a handle key also finds one stored before keys were lower case. */
  findBySourceKey(kind: string, sourceKey: string): SourceRecord | undefined;
  /** Every store key of a kind's records: which products of a file are new, without a query for each. */
  sourceKeys(kind: string): Set<string>;
  /**
   * Stores draft records from a store file and returns their seqs, in order: Store.create without reading
   * the records back, many to a statement, for imports of many thousands. Runs in the caller's transaction
   * (an import's) or its own: the seqs and handles are chosen in it, unique against the stored records and
   * each other, while it holds the write lock.
   */
  createImported(kind: string, records: readonly ImportedRecord[]): number[];
  /** Points a record at the import it came from (again), with its key and what the file says now. */
  linkRecord(
    seq: number,
    link: { importId: string; sourceKey: string; title?: string; input?: Record<string, unknown> },
  ): void;
  /** Each record's first row in the import it was last imported from (by seq), with that file's header. */
  sourceRows(seqs: readonly number[]): Map<number, { header: CatalogHeader; raw: string }>;
}

/** Rows to a multi-row INSERT. */
const AT_ONCE = 50;

/** Runs `many` on each full group of AT_ONCE items (one multi-row statement) and `one` on each item left. */
function inGroups<T>(items: readonly T[], many: (group: readonly T[]) => void, one: (item: T) => void): void {
  let next = 0;
  for (; next + AT_ONCE <= items.length; next += AT_ONCE) many(items.slice(next, next + AT_ONCE));
  for (const item of items.slice(next)) one(item);
}

/** "(?, ?, ?), (?, ?, ?)": `count` groups of `width` placeholders. */
function values(width: number, count: number): string {
  return Array(count)
    .fill(`(${Array(width).fill("?").join(", ")})`)
    .join(", ");
}

export function openCatalog(
  db: DatabaseSync,
  { now, newId, transaction }: StoreTools,
  probe: ProcessProbe = thisProcess,
): Catalog {
  const insertImport = db.prepare(
    "INSERT INTO imports (id, state, source, header, imported_at, owner_pid) VALUES (?, 'staging', ?, ?, ?, ?)",
  );
  const stagingOwners = db.prepare(
    "SELECT id, owner_pid FROM imports WHERE state = 'staging' AND owner_pid IS NOT NULL AND owner_pid != ?",
  );
  const insertChunk = db.prepare(
    "INSERT INTO import_chunks (import_id, first_number, lengths, raw) VALUES (?, ?, ?, ?)",
  );
  const insertProduct = db.prepare(
    "INSERT INTO import_products (import_id, position, product) VALUES (?, ?, ?)",
  );
  const stagedOf = db.prepare("SELECT product FROM import_products WHERE import_id = ? ORDER BY position");
  const link = db.prepare(
    "INSERT OR REPLACE INTO import_links (record_seq, import_id, number) VALUES (?, ?, ?)",
  );
  // Links and records go in AT_ONCE to a statement: an import of 33,000 products runs 660, not 33,000.
  const links = db.prepare(
    `INSERT OR REPLACE INTO import_links (record_seq, import_id, number) VALUES ${values(3, AT_ONCE)}`,
  );
  const finish = db.prepare("UPDATE imports SET state = 'done', row_count = ?, summary = ? WHERE id = ?");
  const dropStaged = db.prepare("DELETE FROM import_products WHERE import_id = ?");
  const fail = db.prepare("UPDATE imports SET state = 'failed' WHERE id = ?");
  const dropRows = db.prepare("DELETE FROM import_chunks WHERE import_id = ?");
  const byId = db.prepare("SELECT * FROM imports WHERE id = ?");
  const done = db.prepare("SELECT * FROM imports WHERE state = 'done' ORDER BY imported_at DESC, rowid DESC");
  const chunksOf = db.prepare(
    "SELECT first_number, lengths, raw FROM import_chunks WHERE import_id = ? ORDER BY first_number",
  );
  // The rows that carry a record's copy, with its status and the copy that goes out, in row order: merged
  // with the chunks as both are read.
  const linkedOf = db.prepare(
    `SELECT l.number, r.seq, r.id, r.status, r.latest_version, v.version, v.copy
     FROM import_links l
       JOIN records r ON r.seq = l.record_seq
       LEFT JOIN versions v ON v.record_seq = r.seq AND v.version =
         CASE WHEN r.status IN (SELECT value FROM json_each(?)) THEN r.latest_version ELSE r.approved_version END
     WHERE l.import_id = ? ORDER BY l.number`,
  );
  const bySourceKey = db.prepare("SELECT seq, title, input FROM records WHERE kind = ? AND source_key = ?");
  // Keys stored before handles were folded to lower case: found by a scan of the handle keys alone.
  const handleKeys = db.prepare(
    "SELECT seq, title, input, source_key FROM records WHERE kind = ? AND source_key >= 'handle:' AND source_key < 'handle;'",
  );
  const keysOf = db.prepare("SELECT source_key FROM records WHERE kind = ? AND source_key IS NOT NULL");
  const handleUse = db.prepare("SELECT 1 FROM records WHERE kind = ? AND handle = ?");
  const insertRecords = (count: number) =>
    db.prepare(
      `INSERT INTO records (seq, kind, id, title, handle, input, import_id, source_key, created_at, updated_at)
       VALUES ${values(10, count)}`,
    );
  // The seq AUTOINCREMENT would give next, less one: past every seq there is or ever was.
  const lastSeq = db.prepare(
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'records'), 0),
       coalesce((SELECT max(seq) FROM records), 0)) AS last`,
  );
  const handlesIn = db.prepare(
    "SELECT handle FROM records WHERE kind = ? AND handle IN (SELECT value FROM json_each(?))",
  );
  const insertRecord = insertRecords(1);
  const insertManyRecords = insertRecords(AT_ONCE);
  // Most records go out at their latest version: one statement for all of them, by seq (an UPDATE ... FROM
  // a JSON list of [seq, version] pairs took 1.1 s for 33,334 records, this 0.2 s).
  const exported = db.prepare(
    `UPDATE records SET status = 'exported', approved_version = latest_version, exported_version = latest_version,
       updated_at = ?
     WHERE seq IN (SELECT value FROM json_each(?)) AND latest_version > 0`,
  );
  const sourceRowOf = db.prepare(
    `SELECT l.import_id, l.number,
       (SELECT max(first_number) FROM import_chunks c
        WHERE c.import_id = l.import_id AND c.first_number <= l.number) AS first_number
     FROM records r JOIN import_links l ON l.record_seq = r.seq AND l.import_id = r.import_id
     WHERE r.seq = ? ORDER BY l.number LIMIT 1`,
  );
  const chunkAt = db.prepare(
    "SELECT first_number, lengths, raw FROM import_chunks WHERE import_id = ? AND first_number = ?",
  );
  const latestVersions = db.prepare(
    "SELECT seq, latest_version FROM records WHERE seq IN (SELECT value FROM json_each(?))",
  );
  // A record revised after approval goes out at its approved version and keeps its status (and a newer
  // approval, given while the file was written, stays).
  const exportedOlder = db.prepare(
    `UPDATE records SET approved_version = max(coalesce(approved_version, ?1), ?1), exported_version = ?1,
       updated_at = ?2
     WHERE seq = ?3 AND latest_version > ?1`,
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
      transaction(() => {
        // Imports a killed process left staging: failed, their staged rows dropped.
        for (const row of stagingOwners.all(probe.pid) as Row[]) {
          if (probe.isAlive(Number(row.owner_pid))) continue;
          fail.run(String(row.id));
          dropStaged.run(String(row.id));
          dropRows.run(String(row.id));
        }
        insertImport.run(id, source, JSON.stringify(header), now().toISOString(), probe.pid);
      });
      return id;
    },
    stageRows(importId, chunks) {
      transaction(() => {
        for (const chunk of chunks) insertChunk.run(importId, chunk.firstNumber, chunk.lengths, chunk.raw);
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
    linkRows(importId, rows) {
      inGroups(
        rows,
        (group) => links.run(...group.flatMap((row) => [row.recordSeq, importId, row.number])),
        (row) => link.run(row.recordSeq, importId, row.number),
      );
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
    *rows(importId, latestFor = []) {
      // Rows as objects: StatementSync.setReturnArrays is not in Node 22, which the npm package supports.
      const linked = linkedOf.iterate(JSON.stringify(latestFor), importId) as Iterator<Row>;
      let next = linked.next();
      try {
        for (const row of chunksOf.iterate(importId) as Iterable<Row>) {
          const chunk = {
            firstNumber: Number(row.first_number),
            lengths: String(row.lengths),
            raw: String(row.raw),
          };
          for (const { number, raw } of fromChunk(chunk)) {
            while (!next.done && Number(next.value.number) < number) next = linked.next();
            if (next.done || Number(next.value.number) !== number) {
              yield { number, raw, record: null };
              continue;
            }
            const { seq, id: recordId, status, latest_version: latest, version, copy } = next.value;
            yield {
              number,
              raw,
              record: {
                seq: Number(seq),
                id: String(recordId),
                status: String(status),
                latestVersion: Number(latest),
                version: version === null ? null : Number(version),
                copy: copy === null ? undefined : (JSON.parse(String(copy)) as Record<string, unknown>),
              },
            };
          }
        }
      } finally {
        linked.return?.();
      }
    },
    markExported(written) {
      const at = now().toISOString();
      transaction(() => {
        // Read again inside the write transaction: a job may have added a version while the file was being
        // written, and a version nobody exported must not be marked approved and exported.
        const latestNow = new Map(
          (latestVersions.all(JSON.stringify(written.map((record) => record.seq))) as Row[]).map((row) => [
            Number(row.seq),
            Number(row.latest_version),
          ]),
        );
        const atLatest = written.filter((record) => record.version === latestNow.get(record.seq));
        exported.run(at, JSON.stringify(atLatest.map((record) => record.seq)));
        for (const { seq, version } of written) {
          if (version !== latestNow.get(seq)) exportedOlder.run(version, at, seq);
        }
      });
    },
    findBySourceKey(kind, sourceKey) {
      let row = bySourceKey.get(kind, sourceKey) as Row | undefined;
      if (row === undefined && sourceKey.startsWith("handle:")) {
        for (const stored of handleKeys.iterate(kind) as Iterable<Row>) {
          if (foldedKey(String(stored.source_key)) === sourceKey) {
            row = stored;
            break;
          }
        }
      }
      return (
        row && {
          seq: Number(row.seq),
          title: String(row.title),
          input: JSON.parse(String(row.input)) as Record<string, unknown>,
        }
      );
    },
    sourceKeys(kind) {
      const keys = new Set<string>();
      for (const row of keysOf.iterate(kind) as Iterable<Row>) keys.add(foldedKey(String(row.source_key)));
      return keys;
    },
    createImported(kind, records) {
      // Inside the import's transaction, which holds the write lock: the seqs counted here stay free.
      return transaction(() => {
        const at = now().toISOString();
        const chosen = new Set<string>();
        const wanted = records.map((record) => record.handle);
        const inUse = new Set<string>();
        for (const row of handlesIn.iterate(kind, JSON.stringify(wanted)) as Iterable<Row>) {
          inUse.add(String(row.handle));
        }
        const asked = new Set(wanted);
        // Handles of the kind already taken: those wanted were looked up at once above, the rest one by one.
        const taken = (handle: string) =>
          chosen.has(handle) ||
          (asked.has(handle) ? inUse.has(handle) : handleUse.get(kind, handle) !== undefined);
        let seq = Number((lastSeq.get() as Row).last);
        const seqs: number[] = [];
        // Each record's values, in the INSERT's column order; its seq is chosen here (AUTOINCREMENT's next).
        const rows = records.map((record): SQLInputValue[] => {
          const handle = uniqueHandle(record.handle, taken);
          chosen.add(handle);
          seqs.push(++seq);
          return [
            seq,
            kind,
            newId(),
            record.title,
            handle,
            record.inputJson,
            record.importId,
            record.sourceKey,
            at,
            at,
          ];
        });
        inGroups(
          rows,
          (group) => insertManyRecords.run(...group.flat()),
          (row) => insertRecord.run(...row),
        );
        return seqs;
      });
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
    sourceRows(seqs) {
      const found = new Map<number, { header: CatalogHeader; raw: string }>();
      // A page of products mostly shares a few chunks (500 rows each) and one header: each is read once.
      const headers = new Map<string, CatalogHeader | undefined>();
      const chunks = new Map<string, Map<number, string>>();
      for (const seq of seqs) {
        const link = sourceRowOf.get(seq) as Row | undefined;
        if (link === undefined || link.first_number === null) continue;
        const importId = String(link.import_id);
        if (!headers.has(importId)) {
          const row = byId.get(importId) as Row | undefined;
          headers.set(importId, row && (JSON.parse(String(row.header)) as CatalogHeader));
        }
        const header = headers.get(importId);
        const chunkKey = `${importId} ${String(link.first_number)}`;
        let rows = chunks.get(chunkKey);
        if (rows === undefined) {
          const chunk = chunkAt.get(importId, Number(link.first_number)) as Row | undefined;
          rows = new Map();
          if (chunk) {
            const stored = {
              firstNumber: Number(chunk.first_number),
              lengths: String(chunk.lengths),
              raw: String(chunk.raw),
            };
            for (const { number, raw } of fromChunk(stored)) rows.set(number, raw);
          }
          chunks.set(chunkKey, rows);
        }
        const raw = rows.get(Number(link.number));
        if (header !== undefined && raw !== undefined) found.set(seq, { header, raw });
      }
      return found;
    },
  };
}

/** A handle key as imports now make it (lower case); other keys as they are. */
function foldedKey(key: string): string {
  return key.startsWith("handle:") ? key.toLowerCase() : key;
}
