import { dirname, resolve } from "node:path";
import type { SQLInputValue, StatementSync } from "node:sqlite";
import type { Check } from "../checks/index.ts";
import { uniqueHandle } from "../text/handle.ts";
import { openBrandVoices } from "./brand-voices.ts";
import { openCatalog } from "./catalog.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { openExportFiles } from "./export-files.ts";
import { openJobs } from "./jobs.ts";
import { migrate } from "./migrations.ts";
import { openDatabase } from "./open-database.ts";
import type {
  KindName,
  NewVersion,
  Page,
  PageRequest,
  RecordStatus,
  Store,
  StoredImage,
  StoredRecord,
  Version,
  VersionSummary,
} from "./records.ts";
import { immediateTransaction } from "./transaction.ts";

export interface SqliteStoreOptions {
  /** Database file, or ":memory:". Its directory is created if missing. */
  readonly path: string;
  readonly now: () => Date;
  readonly newId: () => string;
}

type Row = Record<string, SQLInputValue>;

const RECORD_COLUMNS =
  "seq, kind, id, title, handle, input, latest_version, approved_version, exported_version, status, import_id, created_at, updated_at";
const VERSION_SUMMARY_COLUMNS =
  "version, source, route, model, stop_reason, instructions, restored_from, checks, job_id, created_at";

export function openSqliteStore({ path, now, newId }: SqliteStoreOptions): Store {
  const { db, beforeWrite } = openDatabase(path, migrate);
  let closed = false;

  const insertRecord = db.prepare(
    `INSERT INTO records (kind, id, title, handle, input, latest_version, import_id, source_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?) RETURNING ${RECORD_COLUMNS}`,
  );
  const recordById = db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE kind = ? AND id = ?`);
  const recordBySeq = db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE seq = ?`);
  // One statement for each combination of filters a page asks for, prepared on first use.
  const pageStatements = new Map<string, StatementSync>();
  const pageOf = (kind: KindName, request: PageRequest, before: number): Row[] => {
    const where = ["kind = ?"];
    const values: SQLInputValue[] = [kind];
    if (request.status !== undefined) {
      where.push("status = ?");
      values.push(request.status);
    }
    if (request.fromFile !== undefined) {
      where.push(request.fromFile ? "import_id IS NOT NULL" : "import_id IS NULL");
    }
    if (request.importId !== undefined) {
      where.push("import_id = ?");
      values.push(request.importId);
    }
    const sql = `SELECT ${RECORD_COLUMNS} FROM records WHERE ${where.join(" AND ")} AND seq < ? ORDER BY seq DESC LIMIT ?`;
    let statement = pageStatements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      pageStatements.set(sql, statement);
    }
    return statement.all(...values, before, request.limit + 1) as Row[];
  };
  const bumpVersion = db.prepare(
    `UPDATE records SET latest_version = latest_version + 1, status = ?, updated_at = ? WHERE seq = ?
     RETURNING ${RECORD_COLUMNS}`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO versions (record_seq, version, source, route, model, stop_reason, instructions,
       restored_from, checks, copy, job_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The ids as one JSON array: one statement for approving many thousands, not one each. `+kind` keeps
  // SQLite from walking every record of the kind (the kind index) instead of finding each id.
  const updateStatuses = db.prepare(
    `UPDATE records SET status = ?,
       approved_version = CASE WHEN ? = 'approved' THEN latest_version ELSE approved_version END, updated_at = ?
     WHERE +kind = ? AND id IN (SELECT value FROM json_each(?)) AND latest_version > 0 RETURNING id`,
  );
  const versionOf = db.prepare(
    `SELECT ${VERSION_SUMMARY_COLUMNS}, copy FROM versions WHERE record_seq = ? AND version = ?`,
  );
  const versionsOf = db.prepare(
    `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions WHERE record_seq = ? ORDER BY version`,
  );
  const handleUse = db.prepare("SELECT 1 FROM records WHERE kind = ? AND handle = ?");
  const insertImage = db.prepare(
    "INSERT INTO images (sha256, mime_type, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
  );
  const imageBySha = db.prepare("SELECT sha256, mime_type, data FROM images WHERE sha256 = ?");

  const withVersion = (row: Row, version?: number): StoredRecord | undefined => {
    const latest = Number(row.latest_version);
    const wanted = version ?? latest;
    if (wanted === 0 && version === undefined) return toRecord(row, undefined);
    const found = versionOf.get(Number(row.seq), wanted) as Row | undefined;
    return found ? toRecord(row, toVersion(found)) : undefined;
  };

  /** Every write is one transaction: a version and its record's counter move together. */
  const transaction = immediateTransaction(db, beforeWrite);

  function appendVersion(row: Row, version: NewVersion): StoredRecord {
    const at = now().toISOString();
    const bumped = bumpVersion.get(statusOf(version), at, Number(row.seq)) as Row;
    insertVersion.run(
      Number(row.seq),
      Number(bumped.latest_version),
      version.source,
      version.route,
      version.model,
      version.stopReason,
      version.instructions,
      version.restoredFrom ?? null,
      version.checks === null ? null : JSON.stringify(version.checks),
      JSON.stringify(version.copy),
      version.jobId ?? null,
      at,
    );
    return withVersion(bumped) as StoredRecord;
  }

  return {
    create(kind, record, first) {
      return transaction(() => {
        const at = now().toISOString();
        // Chosen inside the transaction, so two writers cannot take the same handle.
        const handle =
          record.handle === null
            ? null
            : uniqueHandle(record.handle, (h) => handleUse.get(kind, h) !== undefined);
        const row = insertRecord.get(
          kind,
          newId(),
          record.title,
          handle,
          JSON.stringify(record.input),
          record.importId ?? null,
          record.sourceKey ?? null,
          at,
          at,
        ) as Row;
        return first ? appendVersion(row, first) : (withVersion(row) as StoredRecord);
      });
    },
    get(kind, id, version) {
      const row = recordById.get(kind, id) as Row | undefined;
      return row && withVersion(row, version);
    },
    getBySeq(seq) {
      const row = recordBySeq.get(seq) as Row | undefined;
      return row && withVersion(row);
    },
    list(kind, request) {
      const before = request.cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(request.cursor);
      const rows = pageOf(kind, request, before);
      const items = rows.slice(0, request.limit).map((row) => withVersion(row) as StoredRecord);
      const last = items.at(-1);
      return rows.length > request.limit && last
        ? { items, nextCursor: encodeCursor(last.seq) }
        : ({ items } satisfies Page<StoredRecord>);
    },
    addVersion(kind, id, version) {
      return transaction(() => {
        const row = recordById.get(kind, id) as Row | undefined;
        return row && appendVersion(row, version);
      });
    },
    versions(kind, id) {
      const row = recordById.get(kind, id) as Row | undefined;
      return row && (versionsOf.all(Number(row.seq)) as Row[]).map(toVersionSummary);
    },
    putImage(image) {
      insertImage.run(image.sha256, image.mimeType, image.data);
    },
    getImage(sha256) {
      const row = imageBySha.get(sha256) as Row | undefined;
      return (
        row &&
        ({
          sha256: String(row.sha256),
          mimeType: String(row.mime_type),
          data: row.data as Uint8Array,
        } satisfies StoredImage)
      );
    },
    brands: openBrandVoices(db, now, transaction),
    catalog: openCatalog(db, { now, newId, transaction }),
    jobs: openJobs(db, { now, newId, transaction }),
    exportFiles: openExportFiles(db, transaction, now),
    dataFolder: path === ":memory:" ? undefined : dirname(resolve(path)),
    transaction,
    setStatus(kind, ids, status) {
      return transaction(() => {
        const at = now().toISOString();
        const rows = updateStatuses.all(status, status, at, kind, JSON.stringify(ids)) as Row[];
        const updated = new Set(rows.map((row) => String(row.id)));
        return ids.filter((id) => updated.has(id));
      });
    },
    cursorAfter: (record) => encodeCursor(record.seq),
    close() {
      // Kept here, not asked of the database: DatabaseSync.isOpen is not in Node 22.
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function toRecord(row: Row, current: Version | undefined): StoredRecord {
  return {
    seq: Number(row.seq),
    kind: String(row.kind) as KindName,
    id: String(row.id),
    title: String(row.title),
    handle: nullableString(row.handle),
    input: JSON.parse(String(row.input)) as Record<string, unknown>,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    current,
    latestVersion: Number(row.latest_version),
    approvedVersion: row.approved_version === null ? null : Number(row.approved_version),
    exportedVersion: row.exported_version === null ? null : Number(row.exported_version),
    status: String(row.status) as RecordStatus,
    importId: nullableString(row.import_id),
  };
}

/** A new version's review status: a person should look at edited copy and at copy that failed a check. */
function statusOf(version: NewVersion): RecordStatus {
  if (version.source === "edited") return "needs_review";
  return version.checks?.some((check) => !check.ok) ? "needs_review" : "written";
}

function toVersionSummary(row: Row): VersionSummary {
  return {
    version: Number(row.version),
    source: String(row.source) as VersionSummary["source"],
    route: String(row.route) as VersionSummary["route"],
    model: nullableString(row.model),
    stopReason: nullableString(row.stop_reason),
    instructions: nullableString(row.instructions),
    ...(row.restored_from === null || row.restored_from === undefined
      ? {}
      : { restoredFrom: Number(row.restored_from) }),
    checks: row.checks === null ? null : (JSON.parse(String(row.checks)) as Check[]),
    ...(row.job_id === null || row.job_id === undefined ? {} : { jobId: String(row.job_id) }),
    createdAt: String(row.created_at),
  };
}

function toVersion(row: Row): Version {
  return { ...toVersionSummary(row), copy: JSON.parse(String(row.copy)) as Record<string, unknown> };
}

function nullableString(value: SQLInputValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
