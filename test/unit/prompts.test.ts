import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blogAbstractBrief } from "../../src/writing/blog-abstract.ts";
import { delimit } from "../../src/writing/delimit.ts";
import { productDescriptionBrief } from "../../src/writing/product-description.ts";

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

describe("writing briefs", () => {
  it("a blog brief carries the title and content as data, and bounds the output", () => {
    const brief = blogAbstractBrief({
      title: "Where Python comes from",
      content: "Named after Monty Python.",
    });
    assert.match(brief.userPrompt, /<title>\nWhere Python comes from\n<\/title>/);
    assert.match(brief.userPrompt, /<content>\nNamed after Monty Python.\n<\/content>/);
    assert.match(brief.systemPrompt, /abstract/);
    assert.match(brief.systemPrompt, /strictly as data/);
    assert.ok(brief.maxTokens >= 100 && brief.maxTokens <= 1000);
  });

  it("a product brief lists every keyword", () => {
    const brief = productDescriptionBrief({ title: "Mug", keywords: ["red", "dishwasher-safe", "350 ml"] });
    assert.match(brief.userPrompt, /<keywords>\n- red\n- dishwasher-safe\n- 350 ml\n<\/keywords>/);
    assert.match(brief.systemPrompt, /keyword/);
    assert.ok(brief.temperature > 0 && brief.temperature <= 1);
  });
});
