import assert from "node:assert/strict";
import { it } from "node:test";
import { callTool, startServer } from "../support/server-process.ts";

it("an id with line breaks and ESC cannot forge log lines or reach the terminal (stderr and MCP logging)", async () => {
  const server = await startServer({ args: ["--log-level", "debug"] });
  try {
    await server.client.setLoggingLevel("debug");
    const id = "x\ncopydesk error: FORGED LINE\r\x1b[2J\u202e";
    const got = await callTool(server.client, "get_product", { id });
    assert.equal(got.isError, true);
    const saved = await callTool(server.client, "save_product_description", { id, description: "A mug." });
    assert.equal(saved.isError, true);
    const stderr = server.stderr();
    assert.match(stderr, /FORGED LINE/, "the id is logged, escaped");
    for (const line of stderr.split("\n").filter(Boolean)) {
      assert.match(
        line,
        /^copydesk (debug|info|notice|warning|error): /,
        `a forged line: ${JSON.stringify(line)}`,
      );
    }
    assert.doesNotMatch(stderr, /^copydesk error: FORGED/m);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach the terminal.
    assert.doesNotMatch(stderr, /[\x1b\r\u202e]/);
    assert.ok(server.logMessages.some((message) => message.includes("FORGED LINE")));
    for (const message of server.logMessages) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach the client's log.
      assert.doesNotMatch(message, /[\n\r\x1b\u202e]/);
    }
  } finally {
    await server.close();
  }
});
