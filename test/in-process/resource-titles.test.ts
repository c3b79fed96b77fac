import assert from "node:assert/strict";
import { it } from "node:test";
import { copywriter } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool } from "../support/server-process.ts";

it("resources/list gives each record a title that names it, after its kind", async () => {
  const server = await startInMemory({ sampling: copywriter() });
  try {
    await callTool(server.client, "create_product", { title: "Ceramic pour-over mug", keywords: ["red"] });
    await callTool(server.client, "create_blog", { title: "Where Python comes from", content: "Monty." });
    const { resources } = await server.client.listResources();
    assert.deepEqual(resources.map((resource) => [resource.title, resource.name]).sort(), [
      ["Blog post: Where Python comes from", "Where Python comes from"],
      ["Product: Ceramic pour-over mug", "Ceramic pour-over mug"],
    ]);
  } finally {
    await server.close();
  }
});
