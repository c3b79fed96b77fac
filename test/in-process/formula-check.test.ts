import assert from "node:assert/strict";
import { it } from "node:test";
import type { CreateMessageRequest } from "@modelcontextprotocol/sdk/types.js";
import { asReply, lastMessageText, productCopy, scripted } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const MUG = { title: "Red mug", keywords: ["red", "dishwasher-safe", "350 ml"] };

it("saved copy that starts like a formula fails formula_start and goes to review; clean copy carries no such check", async () => {
  const server = await startInMemory();
  try {
    const { id } = structured("create_product", await callTool(server.client, "create_product", MUG)).product;
    const clean = await callTool(server.client, "save_product_copy", { id, copy: productCopy() });
    assert.equal(clean.isError, undefined, textOf(clean));
    const cleanProduct = structured("save_product_copy", clean).product;
    assert.equal(
      cleanProduct?.checks?.some((check) => check.check === "formula_start"),
      false,
    );

    const saved = await callTool(server.client, "save_product_copy", {
      id,
      copy: productCopy({ seo_title: '=HYPERLINK("http://x","Red mug")', tags: ["@mug"] }),
    });
    assert.equal(saved.isError, undefined, textOf(saved));
    const product = structured("save_product_copy", saved).product;
    assert.deepEqual(
      product?.checks?.find((check) => check.check === "formula_start"),
      {
        check: "formula_start",
        ok: false,
        detail:
          '"=HYPERLINK("http://x","Red mug…", "@mug" start with =, +, - or @, which a spreadsheet runs as a formula (the export drops it); start with a word',
      },
    );
    assert.equal(product?.status, "needs_review");
  } finally {
    await server.close();
  }
});

it("a model whose SEO title starts with + is asked once more, and its reworded copy is kept", async () => {
  const requests: CreateMessageRequest["params"][] = [];
  const answer = scripted([asReply(productCopy({ seo_title: "+Red Stoneware Mug, 350 ml" }))]);
  const server = await startInMemory({
    sampling: async (request, extra) => {
      requests.push(request.params);
      return answer(request, extra);
    },
  });
  try {
    const created = await callTool(server.client, "create_product", MUG);
    assert.equal(created.isError, undefined, textOf(created));
    const { product } = structured("create_product", created);
    assert.equal(requests.length, 2, "the first reply, then a retry for the failed check");
    assert.match(lastMessageText(requests[1]), /"\+Red Stoneware Mug, 350 ml" starts with =, \+, - or @/);
    assert.doesNotMatch(String(product.copy?.seo_title), /^[=+\-@]/);
    assert.equal(
      product.checks?.some((check) => check.check === "formula_start"),
      false,
    );
  } finally {
    await server.close();
  }
});
