import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { RawSession } from "../support/raw-session.ts";
import { tempDataDir } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("stdout carries only JSON-RPC messages, with debug logging on and errors on the way", async () => {
  const dataDir = tempDataDir();
  const session = new RawSession(["--data-dir", dataDir, "--log-level", "debug"]);
  try {
    await session.initialize({ sampling: {} });
    await session.request("logging/setLevel", { level: "debug" });
    await session.request("tools/list");

    // Answer the server's sampling request by hand, as a client would.
    const created = session.request("tools/call", {
      name: "create_product",
      arguments: { title: "Mug", keywords: ["red"] },
    });
    const sampling = await session.waitFor((m) => m.method === "sampling/createMessage");
    const copy = standInCopy("<product_name>\nMug\n</product_name>\n<keywords>\n- red\n</keywords>");
    session.send({
      id: sampling.id,
      result: { role: "assistant", model: "raw-model", content: { type: "text", text: copy } },
    });
    const result = await created;
    assert.equal(structured("create_product", result.result ?? {}).product.model, "raw-model");

    const failed = await session.request("tools/call", { name: "get_product", arguments: { id: "missing" } });
    assert.equal(failed.result?.isError, true);
    const invalid = await session.request("tools/call", { name: "create_blog", arguments: { title: "" } });
    assert.equal(invalid.result?.isError, true);

    session.child.stdin.end();
    await session.exited();
    assert.ok(session.lines.length > 5);
    for (const line of session.lines) {
      const message = JSON.parse(line) as { jsonrpc?: unknown };
      assert.equal(message.jsonrpc, "2.0", `not JSON-RPC on stdout: ${line}`);
    }
    assert.ok(
      session.messages.some((m) => m.method === "notifications/message"),
      "logs should also reach the client as MCP logging notifications",
    );
  } finally {
    session.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
