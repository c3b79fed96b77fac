import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadCopyLibraries } from "../../src/services/libraries.ts";
import { extractJsonObject } from "../../src/text/extract-json.ts";

before(() => loadCopyLibraries());

const copy = { description: "A sturdy red mug.", seo_title: "Red mug", tags: ["mug", "red"] };
const copyJson = JSON.stringify(copy, null, 2);

function read(reply: string): Record<string, unknown> {
  const result = extractJsonObject(reply);
  assert.ok(result.ok, `not read: ${result.ok ? "" : result.reason}`);
  return result.value;
}

function refused(reply: string): string {
  const result = extractJsonObject(reply);
  assert.ok(!result.ok, `read although it should not be: ${JSON.stringify(result.ok && result.value)}`);
  return result.reason;
}

describe("extractJsonObject reads the shapes models reply with", () => {
  const shapes: Array<[string, string, Record<string, unknown>]> = [
    ["bare JSON (GPT JSON mode)", copyJson, copy],
    ["compact JSON on one line", JSON.stringify(copy), copy],
    ["a ```json fence (Claude, GPT)", `\`\`\`json\n${copyJson}\n\`\`\``, copy],
    ["a bare ``` fence (Llama)", `\`\`\`\n${copyJson}\n\`\`\``, copy],
    ["an upper-case ```JSON fence (Gemini)", `\`\`\`JSON\n${copyJson}\n\`\`\``, copy],
    ["a preamble line and a fence", `Here's the JSON:\n\n\`\`\`json\n${copyJson}\n\`\`\``, copy],
    [
      "a preamble, a fence and an explanation after it (Claude)",
      `Here is the product copy for the red mug:\n\n\`\`\`json\n${copyJson}\n\`\`\`\n\nThis copy highlights the mug's sturdiness. Let me know if you'd like a different tone!`,
      copy,
    ],
    [
      "an inline preamble without a fence",
      `Sure! Here is the copy: ${JSON.stringify(copy)} Hope this helps.`,
      copy,
    ],
    [
      "a sign-off after bare JSON (Llama)",
      `${copyJson}\n\nNote: I kept the SEO title under 60 characters.`,
      copy,
    ],
    [
      "a reasoning block with braces before the answer (DeepSeek, Qwen)",
      `<think>The user wants {description, seo_title}. I'll write it.</think>\n${copyJson}`,
      copy,
    ],
    [
      "trailing commas",
      '{"description": "A sturdy red mug.", "tags": ["mug", "red",],}',
      { description: "A sturdy red mug.", tags: ["mug", "red"] },
    ],
    [
      "// and /* */ comments",
      '{\n  // the main text\n  "description": "A mug.", /* short */\n  "seo_title": "Mug"\n}',
      { description: "A mug.", seo_title: "Mug" },
    ],
    [
      "smart quotes around keys and values",
      "{\u201Cdescription\u201D: \u201CA mug.\u201D}",
      { description: "A mug." },
    ],
    [
      "single-quoted strings (Python repr)",
      "{'description': 'A mug.', 'tags': ['mug']}",
      { description: "A mug.", tags: ["mug"] },
    ],
    [
      "Python True, False and None",
      "{'gift': True, 'sale': False, 'note': None}",
      { gift: true, sale: false, note: null },
    ],
    [
      "unquoted keys",
      '{description: "A mug.", seo_title: "Mug"}',
      { description: "A mug.", seo_title: "Mug" },
    ],
    [
      "braces and a fence marker inside strings",
      '{"description": "Prints {name} on the mug } and ```", "tags": []}',
      { description: "Prints {name} on the mug } and ```", tags: [] },
    ],
    [
      "a raw line break inside a string",
      '{"description": "First paragraph.\n\nSecond paragraph."}',
      { description: "First paragraph.\n\nSecond paragraph." },
    ],
    ["a top-level array of one object", `[${copyJson}]`, copy],
    ["a JSON string that holds the object", JSON.stringify(JSON.stringify(copy)), copy],
    [
      "a BOM and CRLF line ends",
      `\uFEFF\`\`\`json\r\n${copyJson.replace(/\n/g, "\r\n")}\r\n\`\`\`\r\n`,
      copy,
    ],
    [
      "a missing comma between properties",
      '{\n  "description": "A mug."\n  "seo_title": "Mug"\n}',
      { description: "A mug.", seo_title: "Mug" },
    ],
    [
      "escaped apostrophes that JSON does not allow",
      '{"description": "It\\\'s a mug."}',
      { description: "It's a mug." },
    ],
    [
      "the first of two objects (a draft and a revision)",
      '{"seo_title": "First"}\n\nOr, shorter:\n\n{"seo_title": "Second"}',
      { seo_title: "First" },
    ],
    [
      "nested objects stay whole",
      '```json\n{"facts": {"capacity": "350 ml"}, "bullets": ["Holds 350 ml"]}\n```',
      { facts: { capacity: "350 ml" }, bullets: ["Holds 350 ml"] },
    ],
    [
      "a placeholder in braces in the preamble is skipped",
      `Here is the copy for {title}:\n${copyJson}`,
      copy,
    ],
    ["an XML-style answer tag (Claude following a prompt)", `<answer>\n${copyJson}\n</answer>`, copy],
  ];
  for (const [name, reply, expected] of shapes) {
    it(name, () => {
      assert.deepEqual(read(reply), expected);
    });
  }
});

describe("extractJsonObject refuses what is not one complete object", () => {
  it("an empty reply", () => {
    assert.equal(refused("  \n "), "the reply is empty");
  });
  it("prose without JSON", () => {
    assert.equal(
      refused("Here's your description: A sturdy red mug that holds 350 ml."),
      "the reply contains no JSON object",
    );
  });
  it("an object cut off at the end (max tokens)", () => {
    assert.equal(
      refused('```json\n{"description": "A sturdy red mug that holds your morning coff'),
      "the JSON object in the reply is cut off before its closing brace",
    );
  });
  it("an object cut off after a complete nested value", () => {
    assert.match(refused('{"facts": {"capacity": "350 ml"}, "tags": ["mug"'), /cut off/);
  });
  it("a list of several objects", () => {
    assert.equal(
      refused('[{"a": 1}, {"a": 2}]'),
      "the reply contains a list of 2 items; one JSON object was expected",
    );
  });
  it("a bare JSON array of strings", () => {
    assert.equal(refused('["mug", "red"]'), "the reply contains no JSON object");
  });
});
