import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CHARACTERS_PER_TOKEN,
  hostModelCatalog,
  TOKEN_BUDGET,
  totalOf,
} from "../../bench/traffic/host-model-catalog.ts";
import { callTool, startServer } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const PRODUCTS = 200;

it("a 200-product catalog written by the calling model fits a chat model's conversation", async () => {
  // No sampling and no provider: the calling model writes every page of briefs and saves it.
  const server = await startServer();
  try {
    const { traffic, job, pages, briefsHandedOut } = await hostModelCatalog(server.client, PRODUCTS);
    const total = totalOf(traffic);
    process.stderr.write(
      `host-model catalog of ${PRODUCTS} products: ${traffic.calls} calls in ${pages} pages, ` +
        `requests ${traffic.requests} + results ${traffic.results} = ${total} characters ` +
        `(~${Math.round(total / CHARACTERS_PER_TOKEN)} tokens); tools/list ${traffic.toolsList} more, once\n`,
    );
    assert.deepEqual([job.state, job.done, job.total], ["done", PRODUCTS, PRODUCTS]);
    assert.equal(new Set(briefsHandedOut).size, PRODUCTS, "no brief handed out twice");
    assert.equal(briefsHandedOut.length, PRODUCTS);
    assert.ok(
      total < TOKEN_BUDGET * CHARACTERS_PER_TOKEN,
      `${total} characters of tool traffic is over ${TOKEN_BUDGET * CHARACTERS_PER_TOKEN}`,
    );
    // Written once each: one version.
    for (const id of [briefsHandedOut[0], briefsHandedOut.at(-1)]) {
      const got = await callTool(server.client, "get_product", { id });
      assert.equal(structured("get_product", got).product.latestVersion, 1);
    }
  } finally {
    await server.close();
  }
});
