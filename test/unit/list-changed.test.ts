import assert from "node:assert/strict";
import { it } from "node:test";
import { coalesced } from "../../src/mcp/resources/list-changed.ts";

it("coalesces a burst of changes into one notification, and notifies again after the burst", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let sent = 0;
  const changed = coalesced(() => sent++, 50);
  for (let i = 0; i < 50; i++) changed();
  assert.equal(sent, 0);
  t.mock.timers.tick(50);
  assert.equal(sent, 1);
  changed();
  t.mock.timers.tick(50);
  assert.equal(sent, 2);
});
