import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CreateMessageRequest } from "@modelcontextprotocol/sdk/types.js";
import { writing } from "../support/copy-replies.ts";
import { connectHttpClient, type HttpProcess, startHttpProcess } from "../support/http-server.ts";
import { callTool, type SamplingHandler } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const productOf = (tool: "create_product" | "get_product", result: object) =>
  structured(tool, result).product;

/** The product name as the prompt delimits it. */
const promptedName = (params: CreateMessageRequest["params"]) =>
  /<product_name>\n(.*)\n<\/product_name>/.exec(JSON.stringify(params.messages).replaceAll("\\n", "\n"))?.[1];

describe("MCP over Streamable HTTP", () => {
  let server: HttpProcess;
  before(async () => {
    server = await startHttpProcess();
  });
  after(() => server.stop());

  it("logs its URL on stderr and serves it on loopback", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it("initialize, tools/list, and create_product whose sampling request reaches the client", async () => {
    const http = await connectHttpClient(server.url, { sampling: writing("A kettle that sings.") });
    try {
      assert.match(http.transport.sessionId ?? "", /^[0-9a-f-]{36}$/);
      assert.equal(http.client.getServerVersion()?.name, "copydesk");
      const { tools } = await http.client.listTools();
      assert.ok(tools.some((tool) => tool.name === "create_product"));

      const created = productOf(
        "create_product",
        await callTool(http.client, "create_product", { title: "Kettle", keywords: ["steel"] }),
      );
      assert.ok(created.description?.startsWith("A kettle that sings."), created.description ?? "");
      assert.equal(http.samplingRequests.length, 1);
      assert.equal(promptedName(http.samplingRequests[0] as CreateMessageRequest["params"]), "Kettle");

      const stored = await callTool(http.client, "get_product", { id: created.id });
      assert.equal(productOf("get_product", stored).description, created.description);
    } finally {
      await http.close();
    }
  });

  it("two sessions sampling at once each get their own replies, and see only their own requests", async () => {
    // Every handler waits until all four requests are out, so the sessions are provably concurrent.
    let arrived = 0;
    let release: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answerAs =
      (label: string): SamplingHandler =>
      async (request, extra) => {
        if (++arrived === 4) release();
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("the other session's requests never arrived")), 10_000).unref(),
        );
        await Promise.race([allArrived, timeout]);
        return writing(`Written for ${label}.`, `model-${label}`)(request, extra);
      };
    const [a, b] = await Promise.all([
      connectHttpClient(server.url, { sampling: answerAs("A"), name: "client-a" }),
      connectHttpClient(server.url, { sampling: answerAs("B"), name: "client-b" }),
    ]);
    try {
      assert.notEqual(a.transport.sessionId, b.transport.sessionId);
      const results = await Promise.all([
        callTool(a.client, "create_product", { title: "Lamp A1", keywords: ["k"] }),
        callTool(b.client, "create_product", { title: "Lamp B1", keywords: ["k"] }),
        callTool(a.client, "create_product", { title: "Lamp A2", keywords: ["k"] }),
        callTool(b.client, "create_product", { title: "Lamp B2", keywords: ["k"] }),
      ]);
      for (const result of results) {
        const product = productOf("create_product", result);
        const session = product.title.slice("Lamp ".length, "Lamp ".length + 1);
        assert.ok(product.description?.startsWith(`Written for ${session}.`), product.title);
      }
      const names = (requests: CreateMessageRequest["params"][]) => requests.map(promptedName).sort();
      assert.deepEqual(names(a.samplingRequests), ["Lamp A1", "Lamp A2"]);
      assert.deepEqual(names(b.samplingRequests), ["Lamp B1", "Lamp B2"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("records written in one session are readable from another (one shared store)", async () => {
    const writer = await connectHttpClient(server.url, { sampling: writing("Shared words.") });
    const reader = await connectHttpClient(server.url);
    try {
      const created = productOf(
        "create_product",
        await callTool(writer.client, "create_product", { title: "Mug", keywords: ["k"] }),
      );
      assert.equal(
        productOf("get_product", await callTool(reader.client, "get_product", { id: created.id })).title,
        "Mug",
      );
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});
