import assert from "node:assert/strict";
import { it } from "node:test";
import { createLogger, stderrSink } from "../../src/platform/logger.ts";

it("escapes control characters before any sink sees the message: one message, one line", () => {
  const stderr: string[] = [];
  const other: string[] = [];
  const logger = createLogger([
    stderrSink("debug", (line) => stderr.push(line)),
    (_level, message) => other.push(message),
  ]);
  logger.warning(
    "get_product failed: no product x\ncopydesk error: FORGED LINE\r\x1b[31mred\x07\x7f\u0085\u202eevil\u2028",
  );
  const expected =
    "get_product failed: no product x\\ncopydesk error: FORGED LINE\\r\\e[31mred\\u0007\\u007f\\u0085\\u202eevil\\u2028";
  assert.deepEqual(other, [expected]);
  assert.deepEqual(stderr, [`copydesk warning: ${expected}\n`]);
});

it("leaves ordinary text, tabs escaped aside, as it was", () => {
  const seen: string[] = [];
  createLogger([(_level, message) => seen.push(message)]).info('Stored product "Tasse à café" 🍵\tok');
  assert.deepEqual(seen, ['Stored product "Tasse à café" 🍵\\tok']);
});
