import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { type JsonRpcMessage, RawSession } from "../support/raw-session.ts";
import { tempDataDir } from "../support/server-process.ts";

// Each of these got no answer at all from SDK 1.32.2's stdio transport (issue 9, item 4), or a -32603
// with a raw zod dump; a line over 10 MiB ended the server with exit code 0 (item 2).
describe("malformed JSON-RPC on stdio gets a JSON-RPC answer, and the server keeps serving", () => {
  const dataDir = tempDataDir();
  let session: RawSession;
  before(async () => {
    session = new RawSession(["--data-dir", dataDir]);
    await session.initialize({});
  });
  after(async () => {
    session.child.kill("SIGKILL");
    await session.exited();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Writes raw text and waits for the next message that is an answer (no method) matching `match`. */
  async function answerTo(raw: string, match: (m: JsonRpcMessage) => boolean): Promise<JsonRpcMessage> {
    const seen = session.messages.length;
    const answered = session.waitFor(
      (m) => session.messages.indexOf(m) >= seen && m.method === undefined && match(m),
    );
    session.child.stdin.write(raw);
    return answered;
  }
  const idNull = (m: JsonRpcMessage) => (m as { id?: unknown }).id === null;

  it("unparsable JSON: -32700 with id null", async () => {
    const reply = await answerTo('{"jsonrpc":"2.0","id":7,"method":"ping"\n', idNull);
    assert.equal(reply.error?.code, -32700);
  });

  it("a line starting with a BOM is read", async () => {
    const reply = await answerTo(
      '\uFEFF{"jsonrpc":"2.0","id":"bom","method":"ping"}\n',
      (m) => m.id === "bom",
    );
    assert.deepEqual(reply.result, {});
  });

  it("params of the wrong type on a request with an id: -32600 with that id", async () => {
    const reply = await answerTo(
      '{"jsonrpc":"2.0","id":8,"method":"tools/list","params":"x"}\n',
      (m) => m.id === 8,
    );
    assert.equal(reply.error?.code, -32600);
    assert.match(reply.error?.message ?? "", /params/);
  });

  it("a non-string tool name: -32602 with a readable message, not a zod dump", async () => {
    const reply = await answerTo(
      '{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":5}}\n',
      (m) => m.id === 9,
    );
    assert.equal(reply.error?.code, -32602);
    assert.match(reply.error?.message ?? "", /^Invalid params for tools\/call: params\.name: /);
    assert.doesNotMatch(reply.error?.message ?? "", /[[{]/, "no JSON in the message");
    assert.equal(
      reply.error?.message,
      "Invalid params for tools/call: params.name: Invalid input: expected string, received number",
    );
  });

  it("a batch: -32600 for every request in it", async () => {
    const batch = [
      { jsonrpc: "2.0", id: 10, method: "ping" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: "eleven", method: "ping" },
    ];
    const ten = answerTo(`${JSON.stringify(batch)}\n`, (m) => m.id === 10);
    const eleven = session.waitFor((m) => m.id === "eleven");
    assert.equal((await ten).error?.code, -32600);
    assert.equal((await eleven).error?.code, -32600);
  });

  it("a wrong jsonrpc version and a float id: -32600", async () => {
    const wrong = await answerTo('{"jsonrpc":"1.0","id":12,"method":"ping"}\n', (m) => m.id === 12);
    assert.equal(wrong.error?.code, -32600);
    const float = await answerTo('{"jsonrpc":"2.0","id":1.5,"method":"ping"}\n', idNull);
    assert.equal(float.error?.code, -32600);
  });

  it("a line over 10 MiB: -32600 with id null and a log line, then the next request is answered", async () => {
    const huge = `{"jsonrpc":"2.0","id":13,"method":"ping","params":{"pad":"${"x".repeat(11 * 1024 * 1024)}"}}\n`;
    const refused = answerTo(huge, idNull);
    const reply = await refused;
    assert.equal(reply.error?.code, -32600);
    assert.match(reply.error?.message ?? "", /10 MiB/);
    const next = await answerTo('{"jsonrpc":"2.0","id":14,"method":"ping"}\n', (m) => m.id === 14);
    assert.deepEqual(next.result, {});
    assert.equal(session.child.exitCode, null, "still running");
    assert.match(
      session.stderr,
      /copydesk warning: Skipped a message of \d+ bytes: a message may be at most 10 MiB/,
    );
  });

  it("U+0085, U+2028 and U+2029 in an answer are escaped: one message, one line, for any line reader", async () => {
    const id = "a\u2028b\u2029c\u0085d";
    const request = {
      jsonrpc: "2.0",
      id: 15,
      method: "tools/call",
      params: { name: "get_product", arguments: { id } },
    };
    // RawSession reads with readline, which would split the answer at U+2028 and never see id 15.
    const reply = await answerTo(`${JSON.stringify(request)}\n`, (m) => m.id === 15);
    assert.equal(reply.result?.isError, true);
    assert.ok(JSON.stringify(reply.result).includes(id), "the id comes back as it was");
    for (const line of session.lines) assert.doesNotMatch(line, /[\u0085\u2028\u2029]/);
  });
});
