import assert from "node:assert/strict";
import { it } from "node:test";
import { postKind } from "../../src/kinds/post/kind.ts";
import { productKind } from "../../src/kinds/product/kind.ts";

it("stored input that fits the kind's schema reads as it is, with nothing unreadable", () => {
  const input = { keywords: ["brass"], facts: { height: "30 cm" }, tone: "premium", language: "de" };
  assert.deepEqual(productKind.readInput({ input }), { input, unreadable: [] });
});

it("a field the schema cannot read is left out, and the rest of the record still reads", () => {
  const { input, unreadable } = productKind.readInput({
    input: { keywords: ["brass"], tone: 7, facts: { height: "30 cm" }, language_source: "guessed" },
  });
  assert.deepEqual(input, { keywords: ["brass"], facts: { height: "30 cm" } });
  assert.deepEqual(unreadable, ["language_source", "tone"]);
});

it("a field the kind cannot do without takes its default", () => {
  assert.deepEqual(productKind.readInput({ input: { keywords: "brass, lamp", tone: "calm" } }), {
    input: { keywords: [], tone: "calm" },
    unreadable: ["keywords"],
  });
  assert.deepEqual(postKind.readInput({ input: { brand: "Acme" } }), {
    input: { content: "", brand: "Acme" },
    unreadable: ["content"],
  });
});

it("input that is not an object at all reads as the defaults", () => {
  assert.deepEqual(postKind.readInput({ input: null }), { input: { content: "" }, unreadable: ["input"] });
  assert.deepEqual(productKind.readInput({ input: ["brass"] }), {
    input: { keywords: [] },
    unreadable: ["input"],
  });
});
