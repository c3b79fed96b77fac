import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asReply, copywriter, productCopy, scripted } from "../support/copy-replies.ts";
import {
  callTool,
  type RunningServer,
  replyWith,
  type SamplingHandler,
  startServer,
  textOf,
} from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const PRODUCT = { title: "Red mug", keywords: ["red", "dishwasher-safe", "350 ml"] };
/** The SDK client drops a connection over one 10 MiB line; copydesk keeps every result far below. */
const ONE_MIB = 1024 * 1024;

async function withServer(sampling: SamplingHandler, run: (s: RunningServer) => Promise<void>) {
  const server = await startServer({ sampling });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const count = async (server: RunningServer) =>
  structured("list_products", await callTool(server.client, "list_products", {})).products.length;

describe("what a model can send is bounded (issue 9, items 1 and 8)", () => {
  it("a 5 MiB reply is refused with a clear error, nothing is stored, and the connection stays up", async () => {
    await withServer(replyWith("x".repeat(5 * ONE_MIB)), async (server) => {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, true);
      assert.match(textOf(result), /answered with 5120 KB, more than the 32 KB/);
      assert.ok(JSON.stringify(result).length < 2000, "the error does not echo the reply");
      assert.equal(await count(server), 0);
    });
  });

  it("list pages stay under 1 MiB however large the stored copy, say they were trimmed, and page on", async () => {
    await withServer(copywriter(), async (server) => {
      const big = productCopy({
        description: "Large words. ".repeat(460),
        description_html: `<p>${"Large words. ".repeat(1500)}</p>`,
      });
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const created = await callTool(server.client, "create_product", {
          title: `Mug ${i}`,
          keywords: ["red"],
        });
        const { id } = structured("create_product", created).product;
        const saved = await callTool(server.client, "save_product_copy", { id, copy: big });
        assert.equal(saved.isError, undefined, textOf(saved));
        ids.push(id);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let trimmed = false;
      do {
        // Full records: a summary page of 100 is small; the size bound is for the full copy.
        const page = await callTool(server.client, "list_products", {
          limit: 100,
          full: true,
          ...(cursor ? { cursor } : {}),
        });
        assert.ok(
          JSON.stringify(page).length < ONE_MIB,
          `a page of ${JSON.stringify(page).length} characters`,
        );
        const body = structured("list_products", page);
        if (body.trimmed) {
          trimmed = true;
          assert.match(textOf(page), /Only \d+ fit in one answer/);
        }
        seen.push(...body.products.map((p) => p.id));
        cursor = body.nextCursor;
      } while (cursor);
      assert.ok(trimmed, "60 products of ~40 KB each do not fit in one page");
      assert.deepEqual(seen, ids.toReversed(), "every product once, newest first");
    });
  });

  it("control characters, bidi overrides and lone surrogates are removed before storing; the result equals what was stored", async () => {
    const dirty = productCopy({
      short_description: "A red\u0000 mug\u0007 that \u001b[31mholds\u007f 350 ml.\u202e",
      seo_title: "Red mug \\ud800 350 ml",
    });
    // The lone surrogate arrives as a JSON escape, so it only appears once the JSON is read.
    const reply = asReply(dirty).replace("\\\\ud800", "\\ud800");
    await withServer(scripted([reply]), async (server) => {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, undefined, textOf(result));
      const { product } = structured("create_product", result);
      assert.ok(product.copy);
      assert.equal(product.copy.short_description, "A red mug that [31mholds 350 ml.");
      // The surrogate goes, and the plain-text field keeps one space between words.
      assert.equal(product.copy.seo_title, "Red mug 350 ml");
      const stored = await callTool(server.client, "get_product", { id: product.id });
      assert.deepEqual(structured("get_product", stored).product.copy, product.copy);
    });
  });

  it("a reply made only of control characters counts as empty", async () => {
    await withServer(replyWith("\u0000\u0001\u0002\u001b"), async (server) => {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, true);
      assert.match(textOf(result), /empty product copy twice/);
      assert.equal(server.samplingRequests.length, 2);
      assert.equal(await count(server), 0);
    });
  });
});
