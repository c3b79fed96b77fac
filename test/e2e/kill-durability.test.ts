import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { it } from "node:test";
import type { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { seededRandom, testSeed } from "../support/seeded-random.ts";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const ROUNDS = 6;
const CALLS = 40;
const SEED = testSeed(0xd1e5afe);

interface Acknowledged {
  readonly id: string;
  readonly title: string;
}

it(`kill -9 during concurrent writes, ${ROUNDS} rounds: the database is intact and nothing acknowledged is lost (seed ${SEED})`, async () => {
  const random = seededRandom(SEED);
  const dataDir = tempDataDir();
  const acknowledged: Acknowledged[] = [];
  /** Calls the kill cut off: proof it landed with writes in flight. */
  let cutOff = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // No sampling: each create_product stores a draft (the host-model route), a write whatever the copy.
      const server = await startServer({ dataDir });
      const pid = (server.client.transport as StdioClientTransport).pid;
      assert.ok(pid);
      const killAfter = random.int(1, CALLS - 5);
      let acks = 0;
      let killed = false;
      const calls = Array.from({ length: CALLS }, async (_, i) => {
        const title = `Round ${round} product ${i}`;
        const result = await callTool(server.client, "create_product", { title, keywords: ["k"] });
        assert.equal(result.isError, undefined, textOf(result));
        const { product } = structured("create_product", result);
        assert.equal(product.title, title);
        // Acknowledged: the client has the result in hand.
        acknowledged.push({ id: product.id, title: product.title });
        // At a random acknowledgement, with the other calls still in flight.
        if (++acks === killAfter) {
          killed = true;
          process.kill(pid, "SIGKILL");
        }
      });
      await Promise.allSettled(calls);
      assert.ok(killed, "the server was killed mid-round");
      cutOff += CALLS - acks;
      await server.client.close();

      const db = new DatabaseSync(join(dataDir, "copydesk.db"));
      try {
        assert.deepEqual({ ...db.prepare("PRAGMA integrity_check").get() }, { integrity_check: "ok" });
      } finally {
        db.close();
      }

      const checker = await startServer({ dataDir });
      try {
        for (const record of acknowledged) {
          const got = await callTool(checker.client, "get_product", { id: record.id });
          assert.equal(got.isError, undefined, `acknowledged product ${record.id} lost: ${textOf(got)}`);
          const { product } = structured("get_product", got);
          assert.deepEqual({ id: product.id, title: product.title }, record);
        }
      } finally {
        await checker.close();
      }
    }
    assert.ok(acknowledged.length >= ROUNDS, `${acknowledged.length} acknowledged writes checked`);
    // How many depends on how fast answers arrive before the kill does; none at all would mean no kill
    // ever met a write in flight.
    assert.ok(cutOff > 0, `${cutOff} calls were cut off by the kills`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
