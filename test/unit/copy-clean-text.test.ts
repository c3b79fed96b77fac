import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { removeControlCharacters } from "../../src/text/clean-text.ts";

describe("removeControlCharacters", () => {
  const cases: Array<[string, string, string]> = [
    ["plain text is kept", "A red mug. Ölkanne, 350 ml.", "A red mug. Ölkanne, 350 ml."],
    ["tabs and line feeds are kept", "Size\tM\nColour\tred", "Size\tM\nColour\tred"],
    ["CRLF and CR become LF", "One\r\nTwo\rThree", "One\nTwo\nThree"],
    ["Unicode line and paragraph separators become LF", "One\u2028Two\u2029Three", "One\nTwo\nThree"],
    ["C0 controls go", "A\u0000B\u0007C\u001BD\u000BE\u000CF", "ABCDEF"],
    ["DEL and C1 controls go", "A\u007FB\u0085C\u009FD", "ABCD"],
    ["bidi overrides and isolates go", "evil\u202Etxt.exe \u2066x\u2069 \u202Ay\u202C", "eviltxt.exe x y"],
    ["zero-width space, word joiner and BOM go", "\uFEFFdish\u200Bwasher\u2060safe", "dishwashersafe"],
    [
      "the ZWJ inside an emoji sequence is kept",
      "Chef \u{1F469}\u200D\u{1F373}",
      "Chef \u{1F469}\u200D\u{1F373}",
    ],
    [
      "ZWNJ in Persian is kept",
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
    ],
    ["an emoji (a surrogate pair) is kept", "Mug \u{1F375}", "Mug \u{1F375}"],
    ["a lone high surrogate goes", "Mug \uD83C end", "Mug  end"],
    ["a lone low surrogate goes", "\uDF75Mug", "Mug"],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(removeControlCharacters(input), expected);
    });
  }

  it("returns a well-formed string, so what SQLite stores is what was returned", () => {
    const cleaned = removeControlCharacters("a\uD800b\uDC00c\u{1F600}");
    assert.ok(cleaned.isWellFormed());
    assert.equal(Buffer.from(cleaned, "utf8").toString("utf8"), cleaned);
  });
});
