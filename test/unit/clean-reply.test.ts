import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanReply } from "../../src/text/clean-reply.ts";

describe("cleanReply", () => {
  const cases: Array<[string, string, string]> = [
    ["plain text is kept", "A red mug.", "A red mug."],
    [
      "a preamble line",
      "Here's your abstract:\n\nPython is named after Monty Python.",
      "Python is named after Monty Python.",
    ],
    [
      "an acknowledgement and a preamble",
      "Sure!\nHere is a product description for the mug:\nA red mug.",
      "A red mug.",
    ],
    ["a code fence", "```\nA red mug.\n```", "A red mug."],
    ["a fence with a language", "```markdown\nA red mug.\n```", "A red mug."],
    ["a preamble then a fence", "Here is the description:\n```text\nA red mug.\n```", "A red mug."],
    ["a label", "Abstract: Python is named after Monty Python.", "Python is named after Monty Python."],
    ["a bold label", "**Description:** A red mug.", "A red mug."],
    ["a Markdown heading", "# Ceramic mug\nA red mug.", "A red mug."],
    ["surrounding quotes", '"A red mug."', "A red mug."],
    ["curly quotes", "\u201cA red mug.\u201d", "A red mug."],
    ["a sign-off paragraph", "A red mug.\n\nLet me know if you'd like changes!", "A red mug."],
    ["CRLF line ends", "Here is the abstract:\r\nText.\r\n", "Text."],
    ["only a preamble is empty", "Here is the product description:", ""],
    ["whitespace is empty", " \n\t ", ""],
    [
      "an inline preamble on the text's own line",
      "Here's your description: A sturdy red mug that holds 350 ml.",
      "A sturdy red mug that holds 350 ml.",
    ],
    [
      "an inline preamble after an acknowledgement",
      "Sure! Here is the abstract: Python is old.",
      "Python is old.",
    ],
    [
      "a colon later in the text is kept",
      "A mug for two uses: coffee and tea.",
      "A mug for two uses: coffee and tea.",
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(cleanReply(input), expected));
  }

  it("keeps text that merely mentions the phrases", () => {
    const text = "Here is a mug that keeps coffee hot: double walls, red glaze.";
    assert.equal(cleanReply(text), text);
  });

  it("keeps inner quotes and paragraphs", () => {
    const text = 'A "red" mug.\n\nIt is dishwasher-safe.';
    assert.equal(cleanReply(text), text);
  });
});
