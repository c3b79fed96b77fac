// How the provider mode routes a call, in-process. test/e2e/provider.test.ts keeps what needs the
// executable: the flags and variables, the key kept out of stderr and the database, network failures.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { parseCommandLine } from "../../src/cli/parse-args.ts";
import type { ServerSideModel } from "../../src/llm/router.ts";
import { serverSideModel } from "../../src/llm/server-side-model.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { copywriter } from "../support/copy-replies.ts";
import {
  FAKE_MODEL,
  type FakeLlmServer,
  openAiCompletion,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, type SamplingHandler, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const KEY = "sk-test-SECRET-123";
const PRODUCT = { title: "Enamel mug", keywords: ["red", "keeps coffee hot"] };

/** The provider copydesk would build from these flags. */
function provider(fake: FakeLlmServer, mode: string): ServerSideModel {
  const args = ["--provider", "openai", "--provider-url", fake.url, "--provider-model", FAKE_MODEL];
  const command = parseCommandLine([...args, "--provider-mode", mode], {
    env: { COPYDESK_PROVIDER_API_KEY: KEY },
    defaultDataDir: "/unused",
  });
  assert.ok(command.type === "serve" && command.config.provider);
  return serverSideModel(command.config.provider, createLogger([]));
}

describe("provider modes", () => {
  let openai: FakeLlmServer;
  before(async () => {
    openai = await startFakeOpenAi({ apiKey: KEY, text: standInCopy });
  });
  after(async () => {
    await openai.close();
  });

  it("fallback_on_error: a declined sampling request is written by the provider", async () => {
    const declined: SamplingHandler = async () => {
      throw new McpError(-1, "User rejected sampling request");
    };
    const server = await startInMemory({
      sampling: declined,
      provider: provider(openai, "fallback_on_error"),
    });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(structured("create_product", result).product.route, "provider", textOf(result));
      assert.equal(server.samplingRequests.length, 1);
    } finally {
      await server.close();
    }
  });

  it("fallback: a client that samples keeps writing; always: the provider writes anyway", async () => {
    for (const [mode, route] of [
      ["fallback", "client-sampling"],
      ["always", "provider"],
    ] as const) {
      const server = await startInMemory({
        sampling: copywriter(),
        provider: provider(openai, mode),
      });
      try {
        const result = await callTool(server.client, "create_product", PRODUCT);
        assert.equal(structured("create_product", result).product.route, route, `${mode}: ${textOf(result)}`);
      } finally {
        await server.close();
      }
    }
  });

  it("an empty reply from the provider is asked for once more, then reported", async () => {
    const server = await startInMemory({ provider: provider(openai, "fallback") });
    try {
      openai.enqueue({ body: openAiCompletion({ text: "" }) });
      const retried = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(retried.isError, undefined, textOf(retried));

      openai.enqueue({ body: openAiCompletion({ text: " " }) }, { body: openAiCompletion({ text: "" }) });
      const failed = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(failed.isError, true);
      assert.match(textOf(failed), /configured provider .* returned an empty product copy twice/);
    } finally {
      await server.close();
    }
  });
});
