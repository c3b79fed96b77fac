import assert from "node:assert/strict";
import { it } from "node:test";
import { count } from "../../src/text/count.ts";

it("counts with the singular for one and the plural otherwise", () => {
  assert.equal(count(1, "product"), "1 product");
  assert.equal(count(0, "product"), "0 products");
  assert.equal(count(2, "row"), "2 rows");
  assert.equal(count(1, "blog post"), "1 blog post");
  assert.equal(count(3, "copy cell"), "3 copy cells");
  assert.equal(count(2, "match", "matches"), "2 matches");
});
