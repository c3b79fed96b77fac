import assert from "node:assert/strict";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { startInMemory } from "../support/in-memory.ts";
import { briefsOf } from "../support/page-briefs.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("list_product_versions passes the SDK client's output-schema check for a version a job wrote", async () => {
  const server = await startInMemory();
  try {
    // The client checks structuredContent only against schemas it has listed.
    await server.client.listTools();
    const imported = await callTool(server.client, "import_products", { csv_text: "Title\nBrass lamp\n" });
    assert.equal(imported.isError, undefined, textOf(imported));
    const started = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
    const { job, page } = structured("write_catalog", started);
    assert.ok(page);
    const [item] = page.items;
    assert.ok(item);
    const saved = await callTool(server.client, page.saveWith, {
      job_id: job.id,
      items: [{ id: item.id, copy: JSON.parse(standInCopy(briefsOf(textOf(started)).get(item.id) ?? "")) }],
      model: "host-llm",
    });
    assert.equal(saved.isError, undefined, textOf(saved));

    const listed = await callTool(server.client, "list_product_versions", { id: item.id });
    assert.equal(listed.isError, undefined, textOf(listed));
    const { versions } = structured("list_product_versions", listed);
    assert.deepEqual(
      versions.map((v) => [v.version, v.jobId]),
      [[1, job.id]],
    );
    assert.match(textOf(listed), new RegExp(`v1 .*job ${job.id}`));
  } finally {
    await server.close();
  }
});
