import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { copywriter, lastMessageText, writing } from "../support/copy-replies.ts";
import { type InMemoryOptions, startInMemory } from "../support/in-memory.ts";
import { callTool, replyWith, type SamplingHandler, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const PRODUCT = { title: "Ceramic pour-over mug", keywords: ["red", "dishwasher-safe", "350 ml"] };

/** Calls create_product, expects an isError result, and checks that nothing was stored. */
async function expectFailure(options: InMemoryOptions, pattern: RegExp) {
  const server = await startInMemory(options);
  try {
    const result = await callTool(server.client, "create_product", PRODUCT);
    assert.equal(result.isError, true, `expected an error, got: ${textOf(result)}`);
    assert.match(textOf(result), pattern);
    const listed = await callTool(server.client, "list_products");
    assert.deepEqual(structured("list_products", listed).products, []);
    return server;
  } finally {
    await server.close();
  }
}

describe("sampling failures give a clear isError and store nothing", () => {
  it("the user declines the request", async () => {
    const declined: SamplingHandler = async () => {
      throw new McpError(-1, "User rejected sampling request");
    };
    await expectFailure({ sampling: declined }, /declined.*User rejected sampling request.*allow/is);
  });

  it("VS Code's wording for a denial", async () => {
    const denied: SamplingHandler = async () => {
      throw new McpError(-32603, "The user has denied permission to use the model");
    };
    await expectFailure({ sampling: denied }, /declined/i);
  });

  it("the client never answers: the configured timeout ends the wait", async () => {
    const never: SamplingHandler = () => new Promise(() => {});
    await expectFailure({ sampling: never, samplingTimeoutMs: 1000 }, /within 1 second.*approve/s);
  });

  it("an empty reply is asked again once, then reported", async () => {
    const server = await expectFailure({ sampling: replyWith("   \n ") }, /empty product copy twice/);
    assert.equal(server.samplingRequests.length, 2);
  });

  it("a reply that is only a preamble is asked to be repaired once, then reported", async () => {
    const server = await expectFailure(
      { sampling: replyWith("Here is the product description:") },
      /did not reply with usable product copy twice.*no JSON object/,
    );
    assert.equal(server.samplingRequests.length, 2);
  });

  it("an image reply", async () => {
    const image: SamplingHandler = async () => ({
      role: "assistant",
      model: "vision-test",
      content: { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
    });
    await expectFailure({ sampling: image }, /vision-test.*image content instead of text/);
  });

  it("any other client error is passed on in words", async () => {
    const broken: SamplingHandler = async () => {
      throw new McpError(-32603, "model quota exhausted");
    };
    await expectFailure({ sampling: broken }, /could not produce the text: model quota exhausted/);
  });
});

describe("replies that succeed after trouble", () => {
  it("an empty reply followed by text stores the text", async () => {
    let calls = 0;
    const flaky: SamplingHandler = async (request, extra) =>
      calls++ === 0 ? replyWith("")(request, extra) : writing("A sturdy red mug.")(request, extra);
    const server = await startInMemory({ sampling: flaky });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, undefined, textOf(result));
      assert.ok(structured("create_product", result).product.description?.startsWith("A sturdy red mug."));
      assert.equal(server.samplingRequests.length, 2);
    } finally {
      await server.close();
    }
  });

  it("a reply cut off at maxTokens is asked again, saying so", async () => {
    let calls = 0;
    const cutOnce: SamplingHandler = async (request, extra) =>
      calls++ === 0
        ? {
            role: "assistant",
            model: "short-model",
            stopReason: "maxTokens",
            content: { type: "text", text: '{"description": "A sturdy red mug that' },
          }
        : copywriter()(request, extra);
    const server = await startInMemory({ sampling: cutOnce });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, undefined, textOf(result));
      assert.match(lastMessageText(server.samplingRequests[1]), /cut off at the token limit/);
    } finally {
      await server.close();
    }
  });

  it("a maxTokens stop on a complete reply is stored and reported, not hidden", async () => {
    const cut: SamplingHandler = async (request, extra) => ({
      ...(await copywriter("short-model")(request, extra)),
      stopReason: "maxTokens",
    });
    const server = await startInMemory({ sampling: cut });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      const created = structured("create_product", result);
      assert.equal(created.truncated, true);
      assert.equal(created.product.stopReason, "maxTokens");
      assert.match(textOf(result), /token limit.*cut off/);
    } finally {
      await server.close();
    }
  });
});
