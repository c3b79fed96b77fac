// Issue 19 item 4: each product is written by one job. A product open in another running or waiting job
// is skipped when a job starts or resumes (checked in the transaction that takes it), and one written by
// another route since a job took it is not written again.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, it } from "node:test";
import { WRITTEN_SINCE } from "../../src/store/jobs.ts";
import { newRecordId } from "../../src/store/record-id.ts";
import type { NewVersion, Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const saved = (jobId?: string): NewVersion => ({
  source: "saved",
  instructions: null,
  checks: [],
  copy: { description: "A lamp." },
  model: "host",
  stopReason: null,
  route: "host-model",
  ...(jobId === undefined ? {} : { jobId }),
});

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-job-overlap-"));
  store = openSqliteStore({ path: join(dir, "copydesk.db"), now: () => new Date(), newId: newRecordId });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const lamps = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    store.create("product", { title: `Lamp ${i + 1}`, handle: null, input: {} }),
  );
const pendingSeqs = (id: string) => store.jobs.pending(id).map((item) => item.seq);

it("a new job skips the products open in a running or waiting job, and says which job has them", () => {
  const records = lamps(9);
  const seqs = records.map((record) => record.seq);
  const first = store.jobs.create(seqs.slice(0, 6), {});
  const second = store.jobs.create(seqs.slice(3), {});
  assert.deepEqual(pendingSeqs(second.id), seqs.slice(6), "only the products the first job has not");
  assert.deepEqual([second.total, second.skipped, second.pending], [6, 3, 3]);
  assert.deepEqual(second.skips, [{ reason: `already in job ${first.id}`, count: 3 }]);

  store.jobs.setState(first.id, "waiting_for_copy");
  assert.equal(store.jobs.create(seqs.slice(0, 1), {}).skipped, 1, "a job waiting for copy keeps them too");

  // Cancelled, and what it wrote is written: a new job takes the rest.
  store.addVersion("product", records[0]?.id as string, saved(first.id));
  store.jobs.setState(first.id, "cancelled");
  const third = store.jobs.create(seqs, {});
  assert.deepEqual(
    pendingSeqs(third.id),
    seqs.slice(0, 6),
    "all but the second job's; none of the cancelled one's",
  );
  assert.deepEqual(third.skips, [{ reason: `already in job ${second.id}`, count: 3 }]);
});

it("resuming a job skips its products another running job has taken meanwhile", () => {
  const seqs = lamps(4).map((record) => record.seq);
  const old = store.jobs.create(seqs.slice(0, 3), {});
  store.jobs.setState(old.id, "interrupted");
  const fresh = store.jobs.create(seqs.slice(1), {});
  assert.equal(fresh.skipped, 0, "an interrupted job holds nothing");
  assert.equal(store.jobs.claim(old.id)?.claimed, true);
  assert.deepEqual(pendingSeqs(old.id), seqs.slice(0, 1));
  assert.deepEqual(store.jobs.get(old.id)?.skips, [{ reason: `already in job ${fresh.id}`, count: 2 }]);
});

it("a product written by another route since the job took it is not written again", () => {
  const [mug, cup] = lamps(2);
  assert.ok(mug && cup);
  const job = store.jobs.create([mug.seq, cup.seq], {});
  store.jobs.setState(job.id, "cancelled");
  assert.equal(store.jobs.pending(job.id)[0]?.baseVersion, 0);
  store.addVersion("product", mug.id, saved());
  assert.deepEqual(pendingSeqs(job.id), [cup.seq]);
  const info = store.jobs.get(job.id);
  assert.deepEqual([info?.done, info?.skipped, info?.pending], [0, 1, 1]);
  assert.deepEqual(info?.skips, [{ reason: WRITTEN_SINCE, count: 1 }]);
  store.addVersion("product", cup.id, saved(job.id));
  assert.deepEqual([store.jobs.get(job.id)?.done, store.jobs.get(job.id)?.pending], [1, 0]);
});

it("two processes starting jobs on one selection at the same moment: each product goes to one, every round", async () => {
  const node = process.execPath;
  for (let round = 0; round < 4; round++) {
    const seqs = lamps(5).map((record) => record.seq);
    const racers = [0, 1].map(() =>
      spawn(node, ["test/support/start-job.ts", join(dir, "copydesk.db"), seqs.join(",")], {
        stdio: ["pipe", "pipe", "inherit"],
      }),
    );
    const said = racers.map((racer) => {
      let out = "";
      racer.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      return () => out;
    });
    const waitFor = (pattern: RegExp) =>
      Promise.all(
        racers.map(async (racer, i) => {
          while (!pattern.test(said[i]?.() ?? "")) await once(racer.stdout, "data");
        }),
      );
    await waitFor(/ready/);
    for (const racer of racers) racer.stdin.write("go\n");
    await waitFor(/took \d+/);
    for (const racer of racers) racer.stdin.end();
    await Promise.all(racers.map((racer) => once(racer, "exit")));
    const took = said.map((out) => Number(/took (\d+)/.exec(out())?.[1])).sort();
    assert.deepEqual(took, [0, 5], `round ${round}: one job has every product, the other none`);
  }
});
