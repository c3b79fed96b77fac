import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newRecordId } from "../../src/store/record-id.ts";

describe("record ids", () => {
  it("are UUIDs, time-ordered (version 7) on a Node that makes them", () => {
    const ids = Array.from({ length: 50 }, () => newRecordId());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids)
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Node 26 (what the executable runs) has randomUUIDv7: ids made later sort later, to the millisecond.
    assert.ok(ids.every((id) => id[14] === "7"));
    const earlier = newRecordId();
    const start = Date.now();
    while (Date.now() < start + 2) {
      // wait for the clock to move on by at least a millisecond
    }
    assert.ok(newRecordId() > earlier);
  });
});
