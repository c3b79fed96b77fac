// Issue 19 item 3: when the job runner's own database work fails mid-job (the lock held past the busy
// timeout, a full disk), every worker stops before the run returns, and a resume writes each product once.
// The store is the real one, wrapped so that a write fails as SQLite's does; the writer is a fake.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "../../src/platform/logger.ts";
import { failureMessage } from "../../src/services/failures.ts";
import { runJob } from "../../src/services/run-job.ts";
import { DatabaseWriteError } from "../../src/store/durability.ts";
import { newRecordId } from "../../src/store/record-id.ts";
import type { Store, StoredRecord } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const PRODUCTS = 12;
const SAVED_BEFORE_FAILURE = 5;
const MAX_CONCURRENCY = 4;

let dir: string;
let store: Store;
let clockOffset: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-job-bookkeeping-"));
  clockOffset = 0;
  store = openSqliteStore({
    path: join(dir, "copydesk.db"),
    now: () => new Date(Date.now() + clockOffset),
    newId: newRecordId,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What node:sqlite throws when another process holds the lock past the busy timeout. */
const locked = () => Object.assign(new Error("database is locked"), { code: "ERR_SQLITE_ERROR", errcode: 5 });

/** The store, its saves failing after `after` of them while `broken.now` is set, its job stop too if asked. */
function failingStore(after: number, options: { stopFails?: boolean } = {}) {
  const broken = { now: true };
  let saves = 0;
  const wrapped: Store = {
    ...store,
    addVersion(kind, id, version) {
      if (broken.now && saves >= after) throw locked();
      saves++;
      return store.addVersion(kind, id, version);
    },
    jobs: {
      ...store.jobs,
      stop(id, reason) {
        if (broken.now && options.stopFails) throw locked();
        store.jobs.stop(id, reason);
      },
    },
  };
  return { wrapped, broken };
}

/** A provider in miniature: counts its calls, answers a moment later, honours the abort. */
function fakeWriter(target: Store) {
  const counter = { calls: 0 };
  const writeOne = async (record: StoredRecord, signal: AbortSignal) => {
    counter.calls++;
    await sleep(1, undefined, { signal });
    return () => {
      target.addVersion("product", record.id, {
        source: "generated",
        instructions: null,
        checks: [],
        copy: { description: `Copy for ${record.title}.` },
        model: "fake",
        stopReason: null,
        route: "provider",
        jobId: jobId,
      });
    };
  };
  return { counter, writeOne };
}

let jobId: string;
function newJob(): string {
  const seqs = Array.from(
    { length: PRODUCTS },
    (_, i) => store.create("product", { title: `Lamp ${i + 1}`, handle: null, input: {} }).seq,
  );
  jobId = store.jobs.create(seqs, {}).id;
  return jobId;
}

const run = (target: Store, writeOne: ReturnType<typeof fakeWriter>["writeOne"]) =>
  runJob(
    jobId,
    {
      store: target,
      writeOne,
      route: "provider",
      maxConcurrency: MAX_CONCURRENCY,
      logger: createLogger([]),
      describeFailure: failureMessage,
    },
    new AbortController().signal,
  );

/** Versions per product: each product written exactly once over every run. */
function versionCounts(): number[] {
  return store
    .list("product", { limit: 100 })
    .items.map((record) => store.versions("product", record.id)?.length ?? -1);
}

it("a save that fails mid-job stops every worker before the run returns; the resume writes each product once", async () => {
  newJob();
  const { wrapped, broken } = failingStore(SAVED_BEFORE_FAILURE);
  const first = fakeWriter(wrapped);
  const stopped = await run(wrapped, first.writeOne);
  const callsAtReturn = first.counter.calls;
  assert.equal(stopped.state, "stopped");
  assert.match(String(stopped.stopReason), /database could not complete the request \(database is locked\)/);
  assert.deepEqual([stopped.done, stopped.failed, stopped.pending], [SAVED_BEFORE_FAILURE, 0, PRODUCTS - 5]);
  // Queued workers kept going after the error before: give them every chance to.
  await sleep(50);
  assert.equal(first.counter.calls, callsAtReturn, "no provider call after the run returned");
  assert.ok(
    callsAtReturn - SAVED_BEFORE_FAILURE <= MAX_CONCURRENCY,
    `only the replies in flight were lost (${callsAtReturn} calls, ${SAVED_BEFORE_FAILURE} saved)`,
  );

  broken.now = false;
  assert.equal(store.jobs.claim(jobId)?.claimed, true, "a stopped job is resumable at once");
  const second = fakeWriter(store);
  const done = await run(store, second.writeOne);
  assert.deepEqual([done.state, done.done, done.pending], ["done", PRODUCTS, 0]);
  assert.equal(
    second.counter.calls,
    PRODUCTS - SAVED_BEFORE_FAILURE,
    "the resume asks once per product left",
  );
  assert.deepEqual(versionCounts(), Array(PRODUCTS).fill(1), "no product written twice");
});

it("when not even the stop can be saved, the run throws only once its workers are stopped; resumable later", async () => {
  newJob();
  const { wrapped, broken } = failingStore(SAVED_BEFORE_FAILURE, { stopFails: true });
  const first = fakeWriter(wrapped);
  await assert.rejects(run(wrapped, first.writeOne), (error: Error) => {
    assert.ok(error instanceof DatabaseWriteError, String(error));
    assert.match(error.message, /database is locked.*reads as interrupted within 30 s/s);
    return true;
  });
  const callsAtReturn = first.counter.calls;
  await sleep(50);
  assert.equal(first.counter.calls, callsAtReturn, "no provider call after the run threw");

  broken.now = false;
  // Its state still says running, and its heartbeat has stopped: cut off once that goes stale.
  assert.equal(store.jobs.claim(jobId)?.claimed, false);
  clockOffset = 31_000;
  assert.equal(store.jobs.get(jobId)?.state, "interrupted");
  assert.equal(store.jobs.claim(jobId)?.claimed, true);
  const second = fakeWriter(store);
  const done = await run(store, second.writeOne);
  assert.deepEqual([done.state, done.done], ["done", PRODUCTS]);
  assert.equal(second.counter.calls, PRODUCTS - SAVED_BEFORE_FAILURE);
  assert.deepEqual(versionCounts(), Array(PRODUCTS).fill(1), "no product written twice");
});
