import assert from "node:assert/strict";
import { it } from "node:test";
import { writing } from "../support/copy-replies.ts";
import { callTool, type SamplingHandler, startServer } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("50 concurrent create_product calls store 50 distinct products", async () => {
  // Answers after a random short delay so the calls finish out of order.
  const described = writing((request) => {
    const name = /<product_name>\n(.*)\n<\/product_name>/.exec(
      JSON.stringify(request.params.messages).replaceAll("\\n", "\n"),
    );
    return `Description of ${name?.[1]}.`;
  });
  const echo: SamplingHandler = async (request, extra) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    return described(request, extra);
  };
  const server = await startServer({ sampling: echo });
  try {
    const titles = Array.from({ length: 50 }, (_, i) => `Product ${i}`);
    const results = await Promise.all(
      titles.map((title) => callTool(server.client, "create_product", { title, keywords: ["k"] })),
    );
    const products = results.map((r) => structured("create_product", r).product);
    assert.equal(new Set(products.map((p) => p.id)).size, 50);
    for (const product of products)
      assert.ok(product.description?.startsWith(`Description of ${product.title}.`));

    const listed = await callTool(server.client, "list_products", { limit: 100 });
    const stored = structured("list_products", listed).products;
    assert.equal(stored.length, 50);
    assert.deepEqual(new Set(stored.map((p) => p.title)), new Set(titles));
  } finally {
    await server.close();
  }
});
