import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { productCopy } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

type Stored = ToolOutputs["get_product"]["product"];
/** A product with the copy just saved, checked. */
type Product = Stored & { copy: NonNullable<Stored["copy"]>; checks: NonNullable<Stored["checks"]> };

describe("copy saved with Markdown or HTML in its plain fields", () => {
  let server: InMemoryServer;
  before(async () => {
    server = await startInMemory();
  });
  after(() => server.close());

  async function saveAndGet(copy: Record<string, unknown>): Promise<Product> {
    const created = await callTool(server.client, "create_product", {
      title: "Red mug",
      keywords: ["red", "dishwasher-safe", "350 ml"],
    });
    const { id } = structured("create_product", created).product;
    const saved = await callTool(server.client, "save_product_copy", { id, copy });
    assert.equal(saved.isError, undefined, textOf(saved));
    const got = await callTool(server.client, "get_product", { id });
    const { product } = structured("get_product", got);
    const { copy: stored, checks } = product;
    assert.ok(stored && checks, "the saved copy, checked");
    return { ...product, copy: stored, checks };
  }

  it("stores plain text, and the HTML made from it", async () => {
    const { copy: product } = await saveAndGet(
      productCopy({
        description:
          "A **sturdy** red mug that holds *350 ml*, dishwasher-safe.\n## Why it lasts\n* Stoneware\n* Wide handle",
        short_description: "<p>A <strong>red</strong> mug &amp; more.</p>",
        bullets: ["**Red** glaze", "- Dishwasher-safe", "<em>Holds 350 ml</em>"],
        seo_title: "**Red Mug**, 350 ml",
        seo_description: "A [red mug](https://example.com) that holds 350 ml.",
        tags: ["**mug**", "<b>red</b>"],
      }),
    );
    assert.equal(
      product.description,
      "A sturdy red mug that holds 350 ml, dishwasher-safe.\n\nWhy it lasts\n\n- Stoneware\n- Wide handle",
    );
    assert.equal(
      product.description_html,
      "<p>A sturdy red mug that holds 350 ml, dishwasher-safe.</p>\n<p>Why it lasts</p>\n" +
        "<ul><li>Stoneware</li><li>Wide handle</li></ul>\n" +
        "<ul><li>Red glaze</li><li>Dishwasher-safe</li><li>Holds 350 ml</li></ul>",
    );
    assert.equal(product.short_description, "A red mug & more.");
    assert.deepEqual(product.bullets, ["Red glaze", "Dishwasher-safe", "Holds 350 ml"]);
    assert.equal(product.seo_title, "Red Mug, 350 ml");
    assert.equal(product.seo_description, "A red mug that holds 350 ml.");
    assert.deepEqual(product.tags, ["mug", "red"]);
  });

  it("finds a banned word of the brand voice in the tags, and in an inflected form", async () => {
    const voice = await callTool(server.client, "set_brand_voice", {
      name: "Plain",
      guidelines: "Calm.",
      banned_words: ["cheap"],
      default: true,
    });
    assert.equal(voice.isError, undefined, textOf(voice));
    const inTags = await saveAndGet(productCopy({ tags: ["mug", "cheap gifts"] }));
    assert.equal(inTags.checks.find((check) => check.check === "banned_words")?.ok, false);
    const inflected = await saveAndGet(
      productCopy({ short_description: "A red mug, cheaper than you think, that holds 350 ml." }),
    );
    assert.deepEqual(
      inflected.checks.find((check) => check.check === "banned_words"),
      {
        check: "banned_words",
        ok: false,
        detail: 'the copy uses the banned word "cheap"',
      },
    );
  });
});
