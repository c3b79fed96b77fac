// Issue 19 item 3 through the built executable: another process holds the database's write lock past the
// busy timeout while a job saves. The job stops with every worker before write_catalog answers (no request
// after it), is left stopped with the reason, and a resume writes each product left once.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { FAKE_MODEL, type RecordedRequest, startFakeOpenAi } from "../support/fake-llm-servers.ts";
import { callTool, eventually, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const PRODUCTS = 6;
/** The reply to this request arrives while the lock is held: its save fails. */
const LOCKED_AT = 3;
const productOf = (request: RecordedRequest) =>
  /<product_name>\n(.*)\n<\/product_name>/.exec(request.prompt)?.[1] ?? "?";

it("a save refused by a held lock stops the job before write_catalog answers; the resume writes the rest once", async () => {
  const dataDir = tempDataDir();
  let holder: DatabaseSync | undefined;
  let asked = 0;
  const fake = await startFakeOpenAi({
    text: standInCopy,
    respond() {
      if (++asked === LOCKED_AT) {
        // Another process in all but name: its own connection, holding the write lock until let go.
        holder = new DatabaseSync(join(dataDir, "copydesk.db"), { timeout: 10_000 });
        holder.exec("BEGIN IMMEDIATE");
      }
      return undefined;
    },
  });
  const release = () => {
    if (holder?.isOpen) {
      holder.exec("ROLLBACK");
      holder.close();
    }
  };
  const server = await startServer({
    dataDir,
    args: ["--provider", "openai", "--provider-url", fake.url, "--provider-model", FAKE_MODEL],
    env: { COPYDESK_PROVIDER_API_KEY: "sk-test" },
  });
  try {
    const csv = `Title,Keywords\n${Array.from({ length: PRODUCTS }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
    await callTool(server.client, "import_products", { csv_text: csv });
    const call = callTool(server.client, "write_catalog", {
      selection: { status: "draft" },
      max_concurrency: 1,
    });
    // Let go once the server has given up on the save (past its busy timeout), so that it can record why.
    let answered = false;
    void call.finally(() => {
      answered = true;
    });
    await eventually(() => answered || /could not save its progress/.test(server.stderr()), "the save fails");
    release();
    const result = await call;
    const job = structured("write_catalog", result).job;
    const sentAtAnswer = fake.requests.length;
    assert.deepEqual(
      [job.state, job.done, job.pending],
      ["stopped", LOCKED_AT - 1, PRODUCTS - LOCKED_AT + 1],
    );
    assert.match(String(job.stopReason), /database is locked/, textOf(result));
    await sleep(500);
    assert.equal(fake.requests.length, sentAtAnswer, "no request after write_catalog answered");
    assert.equal(sentAtAnswer, LOCKED_AT, "none after the failed save");

    const resumed = structured("resume_job", await callTool(server.client, "resume_job", { id: job.id })).job;
    assert.deepEqual([resumed.state, resumed.done], ["done", PRODUCTS]);
    const asks = fake.requests.map(productOf);
    assert.equal(asks.length, PRODUCTS + 1, `the lost reply asked again, nothing else: ${asks.join(", ")}`);
    assert.equal(new Set(asks).size, PRODUCTS);
  } finally {
    release();
    await server.close();
    await fake.close();
  }
  const db = new DatabaseSync(join(dataDir, "copydesk.db"), { readOnly: true });
  try {
    const counts = db.prepare("SELECT latest_version AS n FROM records ORDER BY seq").all();
    assert.deepEqual(
      counts.map((row) => row.n),
      Array(PRODUCTS).fill(1),
      "each product written exactly once",
    );
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
