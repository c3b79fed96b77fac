import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { newRecordId } from "../../src/store/record-id.ts";
import type { Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

let dir: string;
let store: Store;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-job-claim-"));
  store = openSqliteStore({ path: join(dir, "copydesk.db"), now: () => new Date(), newId: newRecordId });
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function cancelledJob(): string {
  const seq = store.create("product", { title: "Lamp", handle: null, input: {} }).seq;
  const job = store.jobs.create([seq], {});
  store.jobs.setState(job.id, "cancelled");
  return job.id;
}

it("a job is claimed once: the second claim, on another connection too, is refused", () => {
  const id = cancelledJob();
  const other = openSqliteStore({
    path: join(dir, "copydesk.db"),
    now: () => new Date(),
    newId: newRecordId,
  });
  try {
    const first = store.jobs.claim(id);
    assert.deepEqual([first?.claimed, first?.job.state], [true, "cancelled"]);
    assert.equal(store.jobs.get(id)?.state, "running");
    assert.equal(other.jobs.claim(id)?.claimed, false);
    assert.equal(store.jobs.claim("no-such-job"), undefined);
  } finally {
    other.close();
  }
});

it("two processes resuming one job at the same moment: exactly one gets it, every round", async () => {
  const node = process.execPath;
  for (let round = 0; round < 10; round++) {
    const id = cancelledJob();
    const racers = [0, 1].map(() =>
      spawn(node, ["test/support/claim-job.ts", join(dir, "copydesk.db"), id], {
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
    await Promise.all(
      racers.map(async (racer, i) => {
        while (!said[i]?.().includes("ready")) await once(racer.stdout, "data");
      }),
    );
    for (const racer of racers) racer.stdin.write("go\n");
    await Promise.all(
      racers.map(async (racer, i) => {
        while (!/claimed|refused/.test(said[i]?.() ?? "")) await once(racer.stdout, "data");
      }),
    );
    for (const racer of racers) racer.stdin.end();
    await Promise.all(racers.map((racer) => once(racer, "exit")));
    const answers = said.map((out) => out().trim().split("\n").at(-1)).sort();
    assert.deepEqual(answers, ["claimed", "refused"], `round ${round}`);
  }
});
