import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { it } from "node:test";
import { writing } from "../support/copy-replies.ts";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("two copydesk processes on one data folder (two client windows) write at once and lose nothing", async () => {
  const dataDir = tempDataDir();
  // Both open the new database at the same moment: creating it and switching it to WAL must not collide.
  const [a, b] = await Promise.all([
    startServer({ dataDir, sampling: writing("From window A.") }),
    startServer({ dataDir, sampling: writing("From window B.") }),
  ]);
  try {
    const calls = [];
    for (let i = 0; i < 20; i++) {
      calls.push(callTool(a.client, "create_product", { title: `A${i}`, keywords: ["k"] }));
      calls.push(callTool(b.client, "create_product", { title: `B${i}`, keywords: ["k"] }));
    }
    for (const result of await Promise.all(calls)) assert.equal(result.isError, undefined, textOf(result));
    for (const server of [a, b]) {
      const listed = await callTool(server.client, "list_products", { limit: 100 });
      const { products } = structured("list_products", listed);
      assert.equal(products.length, 40);
    }
  } finally {
    await a.close();
    await b.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
