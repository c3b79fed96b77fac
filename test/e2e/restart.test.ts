import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { it } from "node:test";
import { writing } from "../support/copy-replies.ts";
import { callTool, startServer, tempDataDir } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("a restart keeps posts and products", async () => {
  const dataDir = tempDataDir();
  try {
    const first = await startServer({ dataDir, sampling: writing("Written before the restart.") });
    const created = await callTool(first.client, "create_product", { title: "Mug", keywords: ["red"] });
    await callTool(first.client, "create_blog", { title: "Post", content: "Body" });
    await first.close();
    const { id, description } = structured("create_product", created).product;
    assert.ok(description?.startsWith("Written before the restart."));

    const second = await startServer({ dataDir });
    try {
      const got = await callTool(second.client, "get_product", { id });
      assert.equal(structured("get_product", got).product.description, description);
      const posts = await callTool(second.client, "list_posts");
      assert.equal(structured("list_posts", posts).posts.length, 1);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
