import assert from "node:assert/strict";
import { chmodSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RawSession } from "../support/raw-session.ts";
import { callTool, EXECUTABLE, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const PRODUCT = { title: "Enamel mug", keywords: ["red"] };

describe("--data-dir /proc/nope: a clear error on the call, and the process still ends on EOF and signals", () => {
  // Node's recursive mkdirSync spun at 100% CPU there, deaf to EOF and SIGTERM (issue 9, item 9).
  for (const ending of ["stdin EOF", "SIGTERM"] as const) {
    it(ending, async () => {
      const session = new RawSession(["--data-dir", "/proc/nope/copydesk"]);
      try {
        await session.initialize({});
        const reply = await session.request("tools/call", { name: "create_product", arguments: PRODUCT });
        assert.equal(reply.result?.isError, true);
        const text = JSON.stringify(reply.result?.content);
        assert.match(text, /cannot create the folder \/proc\/nope \(/);
        if (ending === "stdin EOF") session.child.stdin.end();
        else session.child.kill("SIGTERM");
        assert.deepEqual(await session.exited(), { code: 0, signal: null });
      } finally {
        session.child.kill("SIGKILL");
      }
    });
  }
});

it("the data folder deleted while the server runs: the next write is an error, not a success that vanishes", async () => {
  const dataDir = tempDataDir();
  // No sampling: create_product stores a draft (the host-model route), a write whatever the copy format.
  const server = await startServer({
    dataDir: join(dataDir, "data"),
  });
  try {
    const first = await callTool(server.client, "create_product", PRODUCT);
    assert.equal(first.isError, undefined, textOf(first));
    rmSync(dataDir, { recursive: true, force: true });
    const second = await callTool(server.client, "create_product", { ...PRODUCT, title: "Second mug" });
    assert.equal(second.isError, true);
    assert.match(
      textOf(second),
      /was deleted \(or its folder was\) while copydesk was running.*nothing was saved/,
    );
    const listed = await callTool(server.client, "list_products");
    assert.ok(!textOf(listed).includes("Second mug"), "a refused product is not listed");
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it("a read-only folder holding a database: reads work, writes say the folder is read-only", async () => {
  const dataDir = tempDataDir();
  try {
    const writer = await startServer({ dataDir });
    const stored = structured(
      "create_product",
      await callTool(writer.client, "create_product", PRODUCT),
    ).product;
    await writer.close();

    chmodSync(dataDir, 0o555);
    chmodSync(join(dataDir, "copydesk.db"), 0o444);
    // root may write anywhere: run the server as nobody then, so the folder is read-only to it.
    const asRoot = process.getuid?.() === 0;
    const reader = await startServer({
      dataDir,
      ...(asRoot
        ? { command: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", EXECUTABLE] }
        : {}),
    });
    try {
      const got = await callTool(reader.client, "get_product", { id: stored.id });
      assert.equal(got.isError, undefined, textOf(got));
      assert.deepEqual(
        {
          id: structured("get_product", got).product.id,
          title: structured("get_product", got).product.title,
        },
        { id: stored.id, title: stored.title },
      );
      const listed = await callTool(reader.client, "list_products");
      assert.equal(listed.isError, undefined, textOf(listed));
      assert.match(textOf(listed), new RegExp(stored.id));
      const refused = await callTool(reader.client, "create_product", { ...PRODUCT, title: "Blue mug" });
      assert.equal(refused.isError, true);
      assert.match(
        textOf(refused),
        /The data folder .* is read-only, so copydesk can read what is stored there but cannot save/,
      );
    } finally {
      await reader.close();
    }
  } finally {
    chmodSync(dataDir, 0o755);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
