import assert from "node:assert/strict";
import { it } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { copywriter } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";
import { textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

interface Page {
  readonly ids: string[];
  readonly nextCursor?: string;
}

// Replaces the paging check in test/e2e/tools.test.ts, which stored one product and so never paged.
it("list_products and list_posts page through every record, newest first, with no repeats", async () => {
  const server = await startInMemory({ sampling: copywriter() });
  try {
    const call = async (name: string, args: Record<string, unknown>) =>
      (await server.client.callTool({ name, arguments: args })) as CallToolResult;
    const created = { products: [] as string[], posts: [] as string[] };
    for (const n of [1, 2, 3, 4, 5]) {
      const product = await call("create_product", { title: `Mug ${n}`, keywords: ["red"] });
      created.products.push(structured("create_product", product).product.id);
      const post = await call("create_blog", { title: `Post ${n}`, content: "Text." });
      created.posts.push(structured("create_blog", post).post.id);
    }
    for (const [tool, key] of [
      ["list_products", "products"],
      ["list_posts", "posts"],
    ] as const) {
      const pages: Page[] = [];
      let cursor: string | undefined;
      do {
        const result = await call(tool, { limit: 2, ...(cursor ? { cursor } : {}) });
        assert.equal(result.isError, undefined, textOf(result));
        const page = structured(tool, result);
        const ids = ("products" in page ? page.products : page.posts).map((record) => record.id);
        pages.push({ ids, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
        cursor = page.nextCursor;
      } while (cursor && pages.length < 10);
      assert.deepEqual(
        pages.map((page) => page.ids.length),
        [2, 2, 1],
        tool,
      );
      assert.deepEqual(
        pages.flatMap((page) => page.ids),
        [...created[key]].reverse(),
        `${tool}: every record once, newest first`,
      );
    }
    const bad = await call("list_products", { cursor: "not-a-cursor" });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /cursor is not valid/);
  } finally {
    await server.close();
  }
});
