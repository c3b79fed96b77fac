import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { thisProcess } from "../platform/process-probe.ts";
import type { StoreTools } from "./catalog.ts";

type Row = Record<string, SQLInputValue>;

/**
 * running: a process is writing it now; cancelled: stopped by its caller, resumable; interrupted: its
 * process went away (a crash, a restart), resumable; stopped: an answer every later request would get too
 * (a wrong key, an unknown model, nothing listening), resumable once that is fixed; waiting_for_copy: its
 * briefs are with the calling model, which saves the copy (resume_job hands out the next page); done:
 * nothing is left to write.
 */
export type JobState = "running" | "done" | "cancelled" | "interrupted" | "stopped" | "waiting_for_copy";

/** What every record of a job is written with (as create_product takes it). */
export interface JobOptions {
  readonly language?: string;
  readonly tone?: string;
  readonly length?: string;
  readonly brand?: string;
}

/**
 * The server-side provider a job was started with, never its key. `url` is null when the API root had a
 * query string (it may carry a key, so it is not stored).
 */
export interface JobProvider {
  readonly provider: string;
  readonly model: string;
  readonly url: string | null;
}

export interface JobInfo {
  readonly id: string;
  readonly state: JobState;
  readonly options: JobOptions;
  readonly total: number;
  /** Records this job has written a version for. */
  readonly done: number;
  readonly failed: number;
  readonly pending: number;
  /** Records this job leaves alone: open in another job when it started or resumed, or written since. */
  readonly skipped: number;
  /** Why, with how many each: "already in job X", "written since the job began". */
  readonly skips: readonly { readonly reason: string; readonly count: number }[];
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly failures: readonly { readonly id: string; readonly title: string; readonly error: string }[];
  /** Why a stopped job stopped: what to fix before resuming it. */
  readonly stopReason?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PendingItem {
  readonly seq: number;
  readonly id: string;
  /** The record's latest version when the job took it: a newer one not of this job means skip it. */
  readonly baseVersion: number | null;
}

/** The skip reason of a record another route wrote after the job took it. */
export const WRITTEN_SINCE = "written since the job began";

/** A running job whose process has not said it is alive for this long was cut off. */
export const HEARTBEAT_STALE_MS = 30_000;

export interface Jobs {
  /**
   * A running job of these records. A record with an open item in another running or waiting job is
   * skipped (checked in the same transaction as the insert, so two jobs cannot both take it).
   */
  create(records: readonly number[], options: JobOptions, provider?: JobProvider): JobInfo;
  get(id: string): JobInfo | undefined;
  /** The provider the job was started with, when one was stored. */
  providerOf(id: string): JobProvider | undefined;
  /** Done, failed and skipped so far, cheaply: for progress reports. */
  counts(id: string): {
    readonly done: number;
    readonly failed: number;
    readonly skipped: number;
    readonly total: number;
  };
  list(limit: number): readonly JobInfo[];
  /**
   * Records still to write, in the job's order: no version of this job yet, no recorded failure, not
   * skipped and not written by another route since the job took them.
   */
  pending(id: string, limit?: number): readonly PendingItem[];
  fail(id: string, seq: number, error: string): void;
  /**
   * The job a record is still pending in (`preferred` when it is pending there, else the newest), so copy
   * saved for it counts for that job however it was saved; undefined when no job waits for it.
   */
  waitingFor(seq: number, preferred?: string): string | undefined;
  /**
   * Takes a job that is not running for this process, in one write transaction, so that two processes
   * resuming it at once cannot both run it: `claimed` is false when it is running (here or elsewhere).
   * The job comes back as it was before the claim; undefined when there is no such job. Its pending records
   * that are open in another running or waiting job are skipped, in the same transaction.
   */
  claim(id: string): { readonly job: JobInfo; readonly claimed: boolean } | undefined;
  /** Sets the state (and the heartbeat, for "running"). */
  setState(id: string, state: JobState): void;
  /** Leaves the job stopped, with the reason that stopped it. */
  stop(id: string, reason: string): void;
  heartbeat(id: string): void;
  addTokens(id: string, input: number, output: number): void;
}

export function openJobs(
  db: DatabaseSync,
  { now, newId, transaction }: StoreTools,
  probe = thisProcess,
): Jobs {
  const insertJob = db.prepare(
    "INSERT INTO jobs (id, state, options, total, created_at, updated_at, provider) VALUES (?, 'running', ?, ?, ?, ?, ?)",
  );
  const providerById = db.prepare("SELECT provider FROM jobs WHERE id = ?");
  const insertItem = db.prepare(
    `INSERT INTO job_items (job_id, record_seq, position, base_version, skipped)
     SELECT ?, seq, ?, latest_version, ? FROM records WHERE seq = ?`,
  );
  // Open: no version of its job, no failure, not skipped, not written elsewhere since.
  const openItem = `i.error IS NULL AND i.skipped IS NULL
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)
       AND (i.base_version IS NULL OR r.latest_version <= i.base_version)`;
  const heldElsewhere = db.prepare(
    `SELECT i.record_seq AS seq, j.* FROM job_items i JOIN jobs j ON j.id = i.job_id
       JOIN records r ON r.seq = i.record_seq
     WHERE i.record_seq IN (SELECT value FROM json_each(?)) AND i.job_id != ?
       AND j.state IN ('running', 'waiting_for_copy') AND ${openItem}
     ORDER BY j.created_at, j.rowid`,
  );
  const skipItem = db.prepare("UPDATE job_items SET skipped = ? WHERE job_id = ? AND record_seq = ?");
  const skippedMarked = db.prepare(
    `SELECT i.skipped AS reason, count(*) AS n FROM job_items i WHERE i.job_id = ? AND i.skipped IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)
     GROUP BY i.skipped ORDER BY min(i.position)`,
  );
  const writtenSince = db.prepare(
    `SELECT count(*) AS n FROM job_items i JOIN records r ON r.seq = i.record_seq
     WHERE i.job_id = ? AND i.error IS NULL AND i.skipped IS NULL
       AND i.base_version IS NOT NULL AND r.latest_version > i.base_version
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)`,
  );
  const byId = db.prepare("SELECT * FROM jobs WHERE id = ?");
  const newest = db.prepare("SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?");
  const doneCount = db.prepare("SELECT count(DISTINCT record_seq) AS n FROM versions WHERE job_id = ?");
  const failures = db.prepare(
    `SELECT r.id, r.title, i.error FROM job_items i JOIN records r ON r.seq = i.record_seq
     WHERE i.job_id = ? AND i.error IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)
     ORDER BY i.position`,
  );
  const pendingOf = db.prepare(
    `SELECT i.record_seq AS seq, r.id, i.base_version FROM job_items i JOIN records r ON r.seq = i.record_seq
     WHERE i.job_id = ? AND ${openItem}
     ORDER BY i.position LIMIT ?`,
  );
  const failedCount = db.prepare(
    `SELECT count(*) AS n FROM job_items i WHERE i.job_id = ? AND i.error IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)`,
  );
  const waitingJob = db.prepare(
    `SELECT i.job_id FROM job_items i JOIN jobs j ON j.id = i.job_id
     WHERE i.record_seq = ? AND i.error IS NULL AND i.skipped IS NULL
       AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.job_id = i.job_id AND v.record_seq = i.record_seq)
     ORDER BY i.job_id = ? DESC, j.created_at DESC, j.rowid DESC LIMIT 1`,
  );
  const totalOf = db.prepare("SELECT total FROM jobs WHERE id = ?");
  const failItem = db.prepare("UPDATE job_items SET error = ? WHERE job_id = ? AND record_seq = ?");
  const setJobState = db.prepare(
    "UPDATE jobs SET state = ?, heartbeat_at = ?, owner_pid = ?, updated_at = ? WHERE id = ?",
  );
  const stopJob = db.prepare(
    "UPDATE jobs SET state = 'stopped', stop_reason = ?, heartbeat_at = ?, owner_pid = ?, updated_at = ? WHERE id = ?",
  );
  const beat = db.prepare("UPDATE jobs SET heartbeat_at = ?, updated_at = ? WHERE id = ?");
  const tokens = db.prepare(
    "UPDATE jobs SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ? WHERE id = ?",
  );

  /** The state as it stands: a running job whose process is gone, or silent too long, was cut off. */
  const stateOf = (row: Row): JobState => {
    const state = String(row.state) as JobState;
    const heartbeat = row.heartbeat_at === null ? 0 : Date.parse(String(row.heartbeat_at));
    const owner = row.owner_pid === null ? undefined : Number(row.owner_pid);
    const ownerGone = owner !== undefined && owner !== probe.pid && !probe.isAlive(owner);
    const cutOff = ownerGone || now().getTime() - heartbeat > HEARTBEAT_STALE_MS;
    return state === "running" && cutOff ? "interrupted" : state;
  };
  /** Which of these records another running or waiting job has open, and the oldest such job. */
  const heldBy = (seqs: readonly number[], except: string): Map<number, string> => {
    const held = new Map<number, string>();
    if (seqs.length === 0) return held;
    const live = new Map<string, boolean>();
    for (const row of heldElsewhere.all(JSON.stringify(seqs), except) as Row[]) {
      const jobId = String(row.id);
      if (!live.has(jobId)) live.set(jobId, stateOf(row) !== "interrupted");
      const seq = Number(row.seq);
      if (live.get(jobId) && !held.has(seq)) held.set(seq, jobId);
    }
    return held;
  };
  const skipsOf = (id: string) => {
    const skips = (skippedMarked.all(id) as Row[]).map((row) => ({
      reason: String(row.reason),
      count: Number(row.n),
    }));
    const since = Number((writtenSince.get(id) as Row).n);
    return since > 0 ? [...skips, { reason: WRITTEN_SINCE, count: since }] : skips;
  };

  const toInfo = (row: Row): JobInfo => {
    const id = String(row.id);
    const total = Number(row.total);
    const done = Number((doneCount.get(id) as Row).n);
    const failed = (failures.all(id) as Row[]).map((f) => ({
      id: String(f.id),
      title: String(f.title),
      error: String(f.error),
    }));
    const state = stateOf(row);
    const skips = skipsOf(id);
    const skipped = skips.reduce((sum, skip) => sum + skip.count, 0);
    return {
      id,
      state,
      options: JSON.parse(String(row.options)) as JobOptions,
      total,
      done,
      failed: failed.length,
      pending: Math.max(0, total - done - failed.length - skipped),
      skipped,
      skips,
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      failures: failed,
      ...(state === "stopped" && row.stop_reason !== null ? { stopReason: String(row.stop_reason) } : {}),
      createdAt: String(row.created_at),
      updatedAt: String(row.updated_at),
    };
  };

  return {
    create(records, options, provider) {
      return transaction(() => {
        const id = newId();
        const at = now().toISOString();
        const settings = provider ? JSON.stringify(provider) : null;
        insertJob.run(id, JSON.stringify(options), records.length, at, at, settings);
        setJobState.run("running", at, probe.pid, at, id);
        const held = heldBy(records, id);
        records.forEach((seq, position) => {
          const other = held.get(seq);
          insertItem.run(id, position, other === undefined ? null : `already in job ${other}`, seq);
        });
        return toInfo(byId.get(id) as Row);
      });
    },
    get(id) {
      const row = byId.get(id) as Row | undefined;
      return row && toInfo(row);
    },
    providerOf(id) {
      const text = (providerById.get(id) as Row | undefined)?.provider;
      return typeof text === "string" ? (JSON.parse(text) as JobProvider) : undefined;
    },
    counts(id) {
      return {
        done: Number((doneCount.get(id) as Row).n),
        failed: Number((failedCount.get(id) as Row).n),
        skipped: skipsOf(id).reduce((sum, skip) => sum + skip.count, 0),
        total: Number((totalOf.get(id) as Row | undefined)?.total ?? 0),
      };
    },
    list(limit) {
      return (newest.all(limit) as Row[]).map(toInfo);
    },
    pending(id, limit = Number.MAX_SAFE_INTEGER) {
      return (pendingOf.all(id, limit) as Row[]).map((row) => ({
        seq: Number(row.seq),
        id: String(row.id),
        baseVersion: row.base_version === null ? null : Number(row.base_version),
      }));
    },
    fail(id, seq, error) {
      transaction(() => failItem.run(error, id, seq));
    },
    waitingFor(seq, preferred) {
      const row = waitingJob.get(seq, preferred ?? null) as Row | undefined;
      return row && String(row.job_id);
    },
    claim(id) {
      return transaction(() => {
        const row = byId.get(id) as Row | undefined;
        if (!row) return undefined;
        const job = toInfo(row);
        if (job.state === "running") return { job, claimed: false };
        const at = now().toISOString();
        setJobState.run("running", at, probe.pid, at, id);
        const open = (pendingOf.all(id, Number.MAX_SAFE_INTEGER) as Row[]).map((item) => Number(item.seq));
        for (const [seq, other] of heldBy(open, id)) skipItem.run(`already in job ${other}`, id, seq);
        return { job, claimed: true };
      });
    },
    setState(id, state) {
      const at = now().toISOString();
      transaction(() => setJobState.run(state, at, probe.pid, at, id));
    },
    stop(id, reason) {
      const at = now().toISOString();
      transaction(() => stopJob.run(reason, at, probe.pid, at, id));
    },
    heartbeat(id) {
      const at = now().toISOString();
      transaction(() => beat.run(at, at, id));
    },
    addTokens(id, input, output) {
      transaction(() => tokens.run(input, output, id));
    },
  };
}
