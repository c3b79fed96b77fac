import assert from "node:assert/strict";
import { it } from "node:test";
import { type LineEvent, lineSplitter } from "../../src/mcp/transports/stdio/line-splitter.ts";
import { screenLine } from "../../src/mcp/transports/stdio/screen-message.ts";

it("splits lines across chunks, keeps a character split between chunks, drops a trailing CR", () => {
  const events: LineEvent[] = [];
  const push = lineSplitter((event) => events.push(event), 100);
  const bytes = Buffer.from('{"a":"é"}\r\n{"b":1}\n');
  push(bytes.subarray(0, 7)); // inside the two bytes of é
  push(bytes.subarray(7));
  assert.deepEqual(events, [
    { type: "line", text: '{"a":"é"}' },
    { type: "line", text: '{"b":1}' },
  ]);
});

it("skips a line over the limit without holding it, reports it, and reads the next", () => {
  const events: LineEvent[] = [];
  const push = lineSplitter((event) => events.push(event), 10);
  push(Buffer.from("x".repeat(8)));
  push(Buffer.from("y".repeat(8)));
  push(Buffer.from("zz\nok\n"));
  assert.deepEqual(events, [
    { type: "too-long", bytes: 18 },
    { type: "line", text: "ok" },
  ]);
});

it("answers what the SDK would drop, and passes what it reads", () => {
  const code = (line: string) => {
    const screened = screenLine(line);
    return screened.type === "replies" ? screened.replies.map((r) => [r.id, r.error.code]) : screened.type;
  };
  assert.deepEqual(code("{nope"), [[null, -32700]]);
  assert.deepEqual(code("42"), [[null, -32600]]);
  assert.deepEqual(code('{"jsonrpc":"2.0","id":3,"method":7}'), [[3, -32600]]);
  assert.deepEqual(code('{"jsonrpc":"2.0","id":3,"method":"ping","extra":1}'), [[3, -32600]]);
  assert.deepEqual(code('{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{}}'), [[4, -32602]]);
  assert.deepEqual(code('{"jsonrpc":"2.0","id":5,"method":"initialize","params":{"protocolVersion":1}}'), [
    [5, -32602],
  ]);
  assert.deepEqual(code("[]"), [[null, -32600]]);
  assert.equal(code('\uFEFF{"jsonrpc":"2.0","id":6,"method":"ping"}'), "message");
  assert.equal(
    code('{"jsonrpc":"2.0","id":6,"method":"no/such/method"}'),
    "message",
    "the SDK answers -32601",
  );
  assert.equal(code('{"jsonrpc":"2.0","id":6,"result":{}}'), "message", "a response to our own request");
  assert.equal(
    code('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":{}}}'),
    "ignore",
  );
  assert.equal(code("   "), "ignore");
});
