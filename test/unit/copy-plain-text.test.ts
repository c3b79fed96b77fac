import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { htmlLibraries, textToHtml } from "../../src/text/html.ts";
import { plainLine, plainText } from "../../src/text/plain-text.ts";

before(() => htmlLibraries.load());

describe("plainText", () => {
  const cases: Array<[string, string, string]> = [
    ["plain text stays as it was", "A red mug.\n\nIt holds 350 ml.", "A red mug.\n\nIt holds 350 ml."],
    [
      "bold and italic lose their marks",
      "A **sturdy** mug, *really* __red__ and _warm_.",
      "A sturdy mug, really red and warm.",
    ],
    [
      "a heading becomes its own paragraph",
      "## Why you'll love it\nIt keeps coffee hot.",
      "Why you'll love it\n\nIt keeps coffee hot.",
    ],
    [
      "links keep their text",
      'See [our care guide](https://example.com/care "Care").',
      "See our care guide.",
    ],
    [
      "inline code and strike-through lose their marks",
      "Use `warm` water, ~~never~~ bleach.",
      "Use warm water, never bleach.",
    ],
    [
      "list items become dash lines",
      "Features:\n\n* Dishwasher safe\n+ Stackable",
      "Features:\n\n- Dishwasher safe\n- Stackable",
    ],
    ["a quote and a rule go", "> Great mug\n\n---\n\nBuy it.", "Great mug\n\nBuy it."],
    ["a code fence goes, its text stays", "```\nA red mug.\n```", "A red mug."],
    ["escaped marks are plain characters", "5 \\* 3 \\_ok\\_", "5 * 3 _ok_"],
    [
      "arithmetic and snake case are not emphasis",
      "2 * 3 * 4 and size_small_red",
      "2 * 3 * 4 and size_small_red",
    ],
    [
      "HTML becomes paragraphs and list lines",
      "<p>A <strong>red</strong> mug.</p><ul><li>Holds 350&nbsp;ml</li><li>Dishwasher safe</li></ul>",
      "A red mug.\n\n- Holds 350 ml\n- Dishwasher safe",
    ],
    ["an entity alone is decoded", "Tea &amp; coffee", "Tea & coffee"],
    ["a lone ampersand or angle bracket is text", "Tea & coffee, 1 < 2", "Tea & coffee, 1 < 2"],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(plainText(input), expected);
    });
  }
});

describe("plainLine", () => {
  it("makes one line of Markdown or HTML", () => {
    assert.equal(plainLine("**Red mug** | <em>350 ml</em>\nstoneware"), "Red mug | 350 ml stoneware");
    assert.equal(plainLine("- Dishwasher safe"), "Dishwasher safe");
  });
});

describe("textToHtml of a plain text with a list", () => {
  it("makes a list of a block of dash lines", () => {
    assert.equal(
      textToHtml("A red mug.\n\n- Holds 350 ml\n- Dishwasher safe"),
      "<p>A red mug.</p>\n<ul><li>Holds 350 ml</li><li>Dishwasher safe</li></ul>",
    );
  });
  it("a dash inside a paragraph stays text", () => {
    assert.equal(
      textToHtml("A red mug - stoneware.\n- and more"),
      "<p>A red mug - stoneware. - and more</p>",
    );
  });
});
