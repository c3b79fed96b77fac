import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readProse } from "../../src/llm/read-prose.ts";

describe("readProse", () => {
  for (const [name, reply, expected] of [
    [
      "the seed's reply",
      "Here's your abstract: Python's name honours Monty Python.",
      "Python's name honours Monty Python.",
    ],
    [
      "paragraphs with a preamble and a sign-off",
      "Here is the description:\n\nA sturdy red mug.\n\nIt holds 350 ml.\n\nLet me know if you want changes.",
      "A sturdy red mug.\n\nIt holds 350 ml.",
    ],
    [
      "a thinking block",
      "<think>The user wants copy.</think>A red mug, sturdy and warm.",
      "A red mug, sturdy and warm.",
    ],
    [
      "a statement that starts with I",
      "I do love this mug. It keeps coffee hot.",
      "I do love this mug. It keeps coffee hot.",
    ],
  ] as const) {
    it(`keeps ${name}`, () => assert.equal(readProse(reply), expected));
  }
  for (const [name, reply] of [
    ["an empty reply", "  \n "],
    ["an acknowledgement", "OK."],
    ["a refusal", "I'm sorry, but I can't help with that."],
    ["a refusal after an acknowledgement", "Sure! I can’t write that."],
    ["an apology", "Unfortunately, the post gives me nothing to work with."],
    ["a question back", "Could you tell me what the product is made of? And its size?"],
    ["a JSON leftover", '["mug", "red", "stoneware"]'],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(readProse(reply), undefined));
  }
});
