import assert from "node:assert/strict";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";

type Page = {
  saveWith: string;
  next: string;
  instructions: string;
  items: Array<{ id: string; title: string; request: string }>;
};
type Job = { id: string; state: string; done: number; total: number };

it("a client without sampling and no provider completes a 25-product job through pages of briefs", async () => {
  const server = await startInMemory();
  try {
    const csv = `Title,Keywords\n${Array.from({ length: 25 }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
    const imported = await callTool(server.client, "import_products", { csv_text: csv });
    assert.equal(imported.isError, undefined, textOf(imported));
    let result = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
    const pages: number[] = [];
    for (;;) {
      assert.equal(result.isError, undefined, textOf(result));
      const { job, page } = result.structuredContent as { job: Job; page?: Page };
      if (!page) {
        assert.deepEqual([job.state, job.done, job.total], ["done", 25, 25]);
        break;
      }
      pages.push(page.items.length);
      assert.match(page.instructions, /"seo_title": string/);
      assert.match(textOf(result), /save_product_copy with job_id/);
      // The calling model writes each brief's copy; the stand-in plays it here.
      const items = page.items.map((item) => ({ id: item.id, copy: JSON.parse(standInCopy(item.request)) }));
      const saved = await callTool(server.client, page.saveWith, {
        job_id: job.id,
        items,
        model: "host-llm",
      });
      assert.equal(saved.isError, undefined, textOf(saved));
      result = await callTool(server.client, page.next, { id: job.id });
    }
    assert.deepEqual(pages, [10, 10, 5]);
    const written = await callTool(server.client, "list_products", { limit: 100, status: "written" });
    assert.equal((written.structuredContent as { products: unknown[] }).products.length, 25);
  } finally {
    await server.close();
  }
});
