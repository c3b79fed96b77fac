import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, it } from "node:test";
import type { NewVersion, Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const saved = (jobId?: string): NewVersion => ({
  source: "saved",
  instructions: null,
  checks: [],
  copy: { description: "A mug." },
  model: "host",
  stopReason: null,
  route: "host-model",
  ...(jobId === undefined ? {} : { jobId }),
});

let dir: string;
let store: Store;
let counter: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-job-waiting-"));
  counter = 0;
  store = openSqliteStore({
    path: join(dir, "copydesk.db"),
    now: () => new Date(Date.UTC(2026, 11, 4, 0, 0, counter)),
    newId: () => `id-${++counter}`,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it("a record is waited for by the job it is pending in: the one named, else the newest", () => {
  const mug = store.create("product", { title: "Mug", handle: "mug", input: {} });
  const cup = store.create("product", { title: "Cup", handle: "cup", input: {} });
  const older = store.jobs.create([mug.seq, cup.seq], {});
  // Cancelled: a running one keeps its products to itself (a new job skips them).
  store.jobs.setState(older.id, "cancelled");
  const newer = store.jobs.create([mug.seq], {});
  assert.equal(store.jobs.waitingFor(mug.seq), newer.id);
  assert.equal(store.jobs.waitingFor(mug.seq, older.id), older.id);
  assert.equal(store.jobs.waitingFor(cup.seq, newer.id), older.id, "not pending in the one named");

  store.addVersion("product", mug.id, saved(newer.id));
  assert.equal(store.jobs.waitingFor(mug.seq), older.id, "written for the newer job");
  store.jobs.fail(older.id, mug.seq, "refused");
  assert.equal(store.jobs.waitingFor(mug.seq), undefined, "failed there: no job waits for it");
  store.addVersion("product", cup.id, saved());
  assert.equal(store.jobs.waitingFor(cup.seq), older.id, "a version of no job leaves it pending");
});
