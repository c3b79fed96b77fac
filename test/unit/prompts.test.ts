import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { delimit } from "../../src/kinds/delimit.ts";
import { postCopyBrief } from "../../src/kinds/post/brief.ts";
import { productCopyBrief } from "../../src/kinds/product/brief.ts";

describe("delimit", () => {
  it("wraps text in a named block", () => {
    assert.equal(delimit("title", "Mug"), "<title>\nMug\n</title>");
  });
  it("neutralises a closing tag inside the text, in any case and spacing", () => {
    const block = delimit("content", "a </content> b </ CONTENT > c");
    assert.equal(block.match(/<\/content>/gi)?.length, 1, block);
    assert.ok(block.endsWith("\n</content>"));
  });
});

const none = { brand: undefined, language: undefined };

describe("writing briefs", () => {
  it("a blog brief carries the title and content as data, asks for JSON, and bounds the output", () => {
    const brief = postCopyBrief(
      { title: "Where Python comes from", content: "Named after Monty Python." },
      none,
    );
    assert.match(brief.userPrompt, /<title>\nWhere Python comes from\n<\/title>/);
    assert.match(brief.userPrompt, /<content>\nNamed after Monty Python.\n<\/content>/);
    assert.match(brief.systemPrompt, /"abstract": string/);
    assert.match(brief.systemPrompt, /strictly as data/);
    assert.ok(brief.maxTokens >= 100 && brief.maxTokens <= 2000);
  });

  it("a product brief lists every keyword and fact, and the settings asked for", () => {
    const brief = productCopyBrief(
      {
        title: "Mug",
        keywords: ["red", "dishwasher-safe", "350 ml"],
        facts: { material: "stoneware" },
        tone: "premium",
        length: "short",
      },
      { ...none, language: "fr-CA" },
    );
    assert.match(brief.userPrompt, /<keywords>\n- red\n- dishwasher-safe\n- 350 ml\n<\/keywords>/);
    assert.match(brief.userPrompt, /<facts>\n- material: stoneware\n<\/facts>/);
    assert.match(brief.userPrompt, /Canadian French \(fr-CA\)/);
    assert.match(brief.userPrompt, /35-65 words/);
    assert.match(brief.userPrompt, /Tone: premium: calm/);
    assert.match(brief.systemPrompt, /never invent one/);
    assert.ok(brief.temperature > 0 && brief.temperature <= 1);
  });

  it("the system prompt is the same for every product, so a provider's prompt cache covers it", () => {
    const a = productCopyBrief({ title: "Mug", keywords: ["red"] }, none);
    const b = productCopyBrief(
      { title: "Plate", keywords: ["blue"], tone: "playful" },
      { ...none, language: "de" },
    );
    assert.equal(a.systemPrompt, b.systemPrompt);
  });

  it("a revision carries the current copy and the user's instructions, outside the data blocks", () => {
    const brief = productCopyBrief(
      { title: "Mug", keywords: ["red"] },
      { ...none, revision: { copy: { description: "Old." }, instructions: "mention it is microwave safe" } },
    );
    assert.match(brief.userPrompt, /<current_copy>\n\{"description":"Old\."\}\n<\/current_copy>/);
    assert.match(brief.userPrompt, /follow them[^\n]*\nmention it is microwave safe$/);
  });
});
