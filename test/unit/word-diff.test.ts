import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type DiffPart, diffWords } from "../../src/views/word-diff.ts";

const joined = (parts: DiffPart[]) => parts.map((p) => p.text).join("");
const marked = (parts: DiffPart[]) =>
  parts
    .map((p) => (p.type === "same" ? p.text : p.type === "removed" ? `[-${p.text}]` : `{+${p.text}}`))
    .join("");

describe("diffWords", () => {
  it("marks the words replaced, and each side joins back to its text", () => {
    const before = "A sturdy blue mug for tea.";
    const after = "A sturdy red mug for slow coffee.";
    const diff = diffWords(before, after);
    assert.equal(joined(diff.before), before);
    assert.equal(joined(diff.after), after);
    assert.equal(marked(diff.before), "A sturdy [-blue ]mug for [-tea.]");
    assert.equal(marked(diff.after), "A sturdy {+red }mug for {+slow coffee.}");
  });

  it("keeps each side's own white space and never counts it as a change", () => {
    const before = "One paragraph.\n\nTwo  paragraphs.";
    const after = "One paragraph. Two paragraphs.";
    const diff = diffWords(before, after);
    assert.deepEqual(diff.before, [{ type: "same", text: before }]);
    assert.deepEqual(diff.after, [{ type: "same", text: after }]);
  });

  it("an empty side is all added or all removed", () => {
    assert.deepEqual(diffWords("", "New copy"), {
      before: [],
      after: [{ type: "added", text: "New copy" }],
    });
    assert.deepEqual(diffWords("Old copy", ""), {
      before: [{ type: "removed", text: "Old copy" }],
      after: [],
    });
    assert.deepEqual(diffWords("", ""), { before: [], after: [] });
  });

  it("finds the words kept in the middle of a rewrite (a longest common run)", () => {
    const diff = diffWords("x a b c y", "a q b c z");
    assert.equal(marked(diff.before), "[-x ]a b c [-y]");
    assert.equal(marked(diff.after), "a {+q }b c {+z}");
  });

  it("texts too long to compare word by word are shown as replaced between their common ends", () => {
    const many = (prefix: string) => Array.from({ length: 1500 }, (_, i) => `${prefix}${i}`).join(" ");
    const diff = diffWords(`start ${many("a")} end`, `start ${many("b")} end`);
    assert.deepEqual(
      diff.before.map((p) => p.type),
      ["same", "removed", "same"],
    );
    assert.deepEqual(
      diff.after.map((p) => p.type),
      ["same", "added", "same"],
    );
  });
});
