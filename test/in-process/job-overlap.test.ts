// Issue 19 item 4: two write_catalog jobs on overlapping selections, the second started while the first
// runs, ask the provider once per distinct product; the second says which products it left to the first.
import assert from "node:assert/strict";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import type { RawReply } from "../../src/llm/generation.ts";
import type { ServerSideModel } from "../../src/llm/router.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, eventually, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const productOf = (prompt: string) => /<product_name>\n(.*)\n<\/product_name>/.exec(prompt)?.[1] ?? "?";

it("two overlapping write_catalog jobs at once: one provider call per distinct product", async () => {
  const asked: string[] = [];
  const held: (() => void)[] = [];
  let holding = true;
  const provider: ServerSideModel = {
    mode: "always",
    description: "a provider that answers when told",
    complete(brief) {
      asked.push(productOf(brief.userPrompt));
      const reply: RawReply = { text: standInCopy(brief.userPrompt), model: "fake", stopReason: "endTurn" };
      if (!holding) return Promise.resolve(reply);
      return new Promise((resolve) => held.push(() => resolve(reply)));
    },
  };
  const server = await startInMemory({ provider });
  try {
    const csv = `Title,Keywords\n${Array.from({ length: 9 }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
    await callTool(server.client, "import_products", { csv_text: csv });
    const ids = server.store
      .list("product", { limit: 100 })
      .items.map((record) => record.id)
      .reverse();
    const first = callTool(server.client, "write_catalog", { selection: { ids: ids.slice(0, 6) } });
    // The first job's first product goes alone: it is running, with every one of its products open.
    await eventually(() => held.length === 1, "the first job asks");
    const second = callTool(server.client, "write_catalog", { selection: { ids: ids.slice(3) } });
    await eventually(() => held.length === 2, "the second job asks");
    holding = false;
    for (const release of held.splice(0)) release();
    const [a, b] = [structured("write_catalog", await first).job, await second];
    const bJob = structured("write_catalog", b).job;
    assert.deepEqual([a.state, a.done, a.skipped], ["done", 6, 0]);
    assert.deepEqual([bJob.state, bJob.done, bJob.skipped, bJob.pending], ["done", 3, 3, 0]);
    assert.match(textOf(b), new RegExp(`3 products skipped: already in job ${a.id}\\.`));
    assert.equal(asked.length, 9, `asked for ${asked.join(", ")}`);
    assert.equal(new Set(asked).size, 9, "no product asked for twice");
  } finally {
    await server.close();
  }
});
