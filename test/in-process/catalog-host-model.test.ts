import assert from "node:assert/strict";
import { it } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import type { ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { startInMemory } from "../support/in-memory.ts";
import { briefsOf } from "../support/page-briefs.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

type Page = NonNullable<ToolOutputs["write_catalog"]["page"]>;

const catalog = (count: number) =>
  `Title,Keywords\n${Array.from({ length: count }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
/** The calling model's copy for each product of a page: the stand-in writes it from the page's briefs. */
function pageCopy(result: CallToolResult, page: Page): Array<{ id: string; copy: Record<string, unknown> }> {
  const briefs = briefsOf(textOf(result));
  assert.deepEqual(
    [...briefs.keys()],
    page.items.map((item) => item.id),
    "one brief per product, in the text",
  );
  return page.items.map((item) => ({
    id: item.id,
    copy: JSON.parse(standInCopy(briefs.get(item.id) ?? "")) as Record<string, unknown>,
  }));
}

it("a client without sampling and no provider completes a 25-product job through pages of 20 briefs", async () => {
  const server = await startInMemory();
  try {
    const imported = await callTool(server.client, "import_products", { csv_text: catalog(25) });
    assert.equal(imported.isError, undefined, textOf(imported));
    let result = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
    const pages: number[] = [];
    for (;;) {
      assert.equal(result.isError, undefined, textOf(result));
      const { job, page } = structured("write_catalog", result);
      if (!page) {
        assert.deepEqual([job.state, job.done, job.total], ["done", 25, 25]);
        break;
      }
      pages.push(page.items.length);
      assert.match(textOf(result), /"seo_title": string/, "the instructions give the JSON shape");
      assert.match(textOf(result), /save_product_copy with job_id/);
      // The calling model writes each brief's copy; the stand-in plays it here.
      const items = pageCopy(result, page);
      const saved = await callTool(server.client, page.saveWith, {
        job_id: job.id,
        items,
        model: "host-llm",
      });
      assert.equal(saved.isError, undefined, textOf(saved));
      result = await callTool(server.client, page.next, { id: job.id });
    }
    assert.deepEqual(pages, [20, 5]);
    const written = await callTool(server.client, "list_products", { limit: 100, status: "written" });
    assert.equal(structured("list_products", written).products.length, 25);
  } finally {
    await server.close();
  }
});

it("a host-model job waits for copy, counts saves with or without job_id, keeps valid items of a page, and is done on its last save", async () => {
  const server = await startInMemory();
  try {
    await callTool(server.client, "import_products", { csv_text: catalog(45) });
    const started = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
    const first = structured("write_catalog", started);
    assert.ok(first.page);
    const jobId = first.job.id;
    assert.equal(first.job.state, "waiting_for_copy");
    const got = await callTool(server.client, "get_job", { id: jobId });
    assert.equal(structured("get_job", got).job.state, "waiting_for_copy");
    assert.doesNotMatch(textOf(got), /cancelled/);
    const handedOut: string[] = [...first.page.items.map((item) => item.id)];

    // Page 1, with job_id; item 3 lacks its bullets.
    const page1 = pageCopy(started, first.page);
    const good3 = page1[3]?.copy ?? {};
    page1[3] = { id: page1[3]?.id ?? "", copy: { ...good3, bullets: undefined } };
    const saved1 = await callTool(server.client, "save_product_copy", { job_id: jobId, items: page1 });
    assert.equal(saved1.isError, undefined, textOf(saved1));
    const result1 = structured("save_product_copy", saved1);
    assert.equal(result1.saved.length, 19);
    assert.deepEqual(
      result1.rejected.map((r) => [r.index, r.id]),
      [[3, first.page.items[3]?.id]],
    );
    assert.match(result1.rejected[0]?.error ?? "", /bullets/);
    assert.match(textOf(saved1), /Not saved:\n- item 3 \(id [^)]+\): bullets/);
    assert.match(textOf(saved1), /Next: Fix the 1 item not saved and save only it again with job_id/);
    assert.deepEqual([result1.job?.state, result1.job?.done], ["waiting_for_copy", 19]);
    assert.ok(!("products" in (saved1.structuredContent ?? {})), "a page save echoes no copy");
    assert.doesNotMatch(textOf(saved1), /Short description|Bullets/, "nor does its text");

    // The fixed item alone, without job_id: it still counts for the job.
    const fixed = await callTool(server.client, "save_product_copy", { id: page1[3]?.id, copy: good3 });
    assert.equal(fixed.isError, undefined, textOf(fixed));
    assert.equal(structured("save_product_copy", fixed).job?.done, 20);
    assert.match(textOf(fixed), new RegExp(`Now resume_job\\("${jobId}"\\) for the next page`));

    // The whole page sent again (a model that did not read the answer): nothing is stored twice.
    const again = await callTool(server.client, "save_product_copy", {
      job_id: jobId,
      items: page1.map((item, index) => (index === 3 ? { id: item.id, copy: good3 } : item)),
    });
    const resent = structured("save_product_copy", again);
    assert.deepEqual(
      [resent.saved.length, resent.saved.filter((s) => s.unchanged).length, resent.rejected.length],
      [20, 20, 0],
    );
    assert.match(textOf(again), /unchanged \(the same copy as version 1\)/);
    assert.equal(resent.job?.done, 20);

    // Page 2, saved without job_id.
    const resumed = await callTool(server.client, "resume_job", { id: jobId });
    const second = structured("resume_job", resumed);
    assert.equal(second.job.state, "waiting_for_copy");
    assert.ok(second.page);
    handedOut.push(...second.page.items.map((item) => item.id));
    const saved2 = await callTool(server.client, "save_product_copy", {
      items: pageCopy(resumed, second.page),
    });
    assert.equal(structured("save_product_copy", saved2).job?.done, 40);

    // Page 3, the last: the job is done with this save, no resume_job needed.
    const last = await callTool(server.client, "resume_job", { id: jobId });
    const third = structured("resume_job", last);
    assert.ok(third.page);
    handedOut.push(...third.page.items.map((item) => item.id));
    const saved3 = await callTool(server.client, "save_product_copy", {
      job_id: jobId,
      items: pageCopy(last, third.page),
    });
    const result3 = structured("save_product_copy", saved3);
    assert.deepEqual([result3.job?.state, result3.job?.done, result3.job?.pending], ["done", 45, 0]);
    assert.match(result3.next, new RegExp(`Job ${jobId} is done: 45 of 45 written`));
    const final = structured("get_job", await callTool(server.client, "get_job", { id: jobId }));
    assert.equal(final.job.state, "done");

    // No brief handed out twice, no product written twice.
    assert.equal(handedOut.length, 45);
    assert.equal(new Set(handedOut).size, 45);
    for (const id of handedOut) {
      const product = structured("get_product", await callTool(server.client, "get_product", { id }));
      assert.equal(product.product.latestVersion, 1, `product ${id} has one version`);
    }
  } finally {
    await server.close();
  }
});

it("copy the same as the latest version, saved for a job that waits for it, counts for the job", async () => {
  const server = await startInMemory();
  try {
    await callTool(server.client, "import_products", { csv_text: catalog(2) });
    const started = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
    const first = structured("write_catalog", started);
    assert.ok(first.page);
    const page = pageCopy(started, first.page);
    // The first job is done with these; a second job over the same products then waits for them.
    await callTool(server.client, "save_product_copy", { job_id: first.job.id, items: page });
    const again = await callTool(server.client, "write_catalog", { selection: { all: true } });
    const second = structured("write_catalog", again);
    assert.equal(second.job.state, "waiting_for_copy");
    const saved = await callTool(server.client, "save_product_copy", { job_id: second.job.id, items: page });
    const result = structured("save_product_copy", saved);
    assert.deepEqual(
      [result.job?.state, result.job?.done, result.saved.map((s) => s.version)],
      ["done", 2, [2, 2]],
    );
  } finally {
    await server.close();
  }
});
