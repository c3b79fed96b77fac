// A job stops on an answer every product would get (a wrong key, an unknown model, nothing listening),
// through copydesk's real HTTP provider against a local fake, and on a client that cannot or may not
// sample. test/e2e/catalog-cli.test.ts has the CLI.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { parseCommandLine } from "../../src/cli/parse-args.ts";
import type { ServerSideModel } from "../../src/llm/router.ts";
import { serverSideModel } from "../../src/llm/server-side-model.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { copywriter, lastMessageText } from "../support/copy-replies.ts";
import {
  closedPort,
  FAKE_MODEL,
  type FakeLlmServer,
  type FakeReply,
  openAiError,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, type SamplingHandler, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const KEY = "sk-test-GOOD-123";
const PRODUCTS = 5;
const jobOf = (tool: "write_catalog" | "get_job" | "resume_job", result: object) =>
  structured(tool, result).job;
const productOf = (prompt: string) => /<product_name>\n(.*)\n<\/product_name>/.exec(prompt)?.[1] ?? "?";

/** The provider copydesk builds from these flags, and a way to fix its settings, as a restart would. */
function switchableProvider(url: string, key: string, model = FAKE_MODEL) {
  const build = (settings: { url: string; key: string; model: string }) => {
    const args = ["--provider", "openai", "--provider-url", settings.url, "--provider-model", settings.model];
    const command = parseCommandLine(args, {
      env: { COPYDESK_PROVIDER_API_KEY: settings.key },
      defaultDataDir: "/unused",
    });
    assert.ok(command.type === "serve" && command.config.provider);
    return serverSideModel(command.config.provider, createLogger([]));
  };
  let current = build({ url, key, model });
  const provider: ServerSideModel = {
    mode: "always",
    description: "the fake provider",
    complete: (brief, options) => current.complete(brief, options),
  };
  return {
    provider,
    fix(settings: { url: string; key: string; model: string }) {
      current = build(settings);
    },
  };
}

describe("a job stops at the first answer every product would get", () => {
  let fake: FakeLlmServer;
  let refusing: string | undefined;
  before(async () => {
    fake = await startFakeOpenAi({
      apiKey: KEY,
      models: [FAKE_MODEL],
      text: standInCopy,
      respond: (): FakeReply | undefined =>
        refusing === "403"
          ? { status: 403, body: openAiError("Your account is not allowed here.", "permission_error") }
          : refusing === "model_not_found"
            ? {
                status: 400,
                body: openAiError("The model `test-model` does not exist.", "invalid_request_error", {
                  code: "model_not_found",
                }),
              }
            : undefined,
    });
  });
  after(async () => {
    await fake.close();
  });

  const cases: Array<{
    name: string;
    settings: () => Promise<{ url: string; key: string; model: string; refusing?: string }>;
    requests: number;
    reason: RegExp;
  }> = [
    {
      name: "401, a wrong key",
      settings: async () => ({ url: fake.url, key: "sk-test-WRONG-999", model: FAKE_MODEL }),
      requests: 1,
      reason: /HTTP 401.*COPYDESK_PROVIDER_API_KEY/,
    },
    {
      name: "403, a key without access",
      settings: async () => ({ url: fake.url, key: KEY, model: FAKE_MODEL, refusing: "403" }),
      requests: 1,
      reason: /HTTP 403/,
    },
    {
      name: "404, an unknown model",
      settings: async () => ({ url: fake.url, key: KEY, model: "no-such-model" }),
      requests: 1,
      reason: /HTTP 404.*no-such-model/,
    },
    {
      name: "400 model_not_found",
      settings: async () => ({ url: fake.url, key: KEY, model: FAKE_MODEL, refusing: "model_not_found" }),
      requests: 1,
      reason: /does not exist/,
    },
    {
      name: "connection refused",
      settings: async () => ({
        url: `http://127.0.0.1:${await closedPort()}/v1`,
        key: KEY,
        model: FAKE_MODEL,
      }),
      requests: 0,
      reason: /connection refused/,
    },
  ];

  for (const { name, settings, requests, reason } of cases) {
    it(`${name}: stopped at the first answer with its reason, the rest pending; resumed once fixed`, async () => {
      const broken = await settings();
      refusing = broken.refusing;
      const { provider, fix } = switchableProvider(broken.url, broken.key, broken.model);
      const server = await startInMemory({ provider });
      try {
        const csv = `Title,Keywords\n${Array.from({ length: PRODUCTS }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
        await callTool(server.client, "import_products", { csv_text: csv });
        const sentBefore = fake.requests.length;
        const result = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
        assert.equal(result.isError, undefined, textOf(result));
        const job = jobOf("write_catalog", result);
        assert.equal(fake.requests.length - sentBefore, requests, "the job stopped after the first answer");
        assert.deepEqual([job.state, job.done, job.failed, job.pending], ["stopped", 0, 0, PRODUCTS]);
        assert.match(String(job.stopReason), reason);
        assert.ok(!String(job.stopReason).includes("sk-test"), "the key is not in the reason");

        const shown = await callTool(server.client, "get_job", { id: job.id });
        assert.equal(jobOf("get_job", shown).state, "stopped");
        assert.match(textOf(shown), /stopped\. 0 of 5 written, 0 failed, 5 pending/);
        assert.equal(textOf(shown).split(String(job.stopReason)).length, 2, "the reason once");
        assert.match(textOf(shown), new RegExp(`Fix that, then resume_job\\("${job.id}"\\)`));

        refusing = undefined;
        fix({ url: fake.url, key: KEY, model: FAKE_MODEL });
        const resumed = await callTool(server.client, "resume_job", { id: job.id });
        const done = jobOf("resume_job", resumed);
        assert.deepEqual([done.state, done.done, done.failed, done.pending], ["done", PRODUCTS, 0, 0]);
        assert.equal(done.stopReason, undefined);
        const answered = fake.requests
          .slice(sentBefore)
          .filter((request) => request.status === 200)
          .map((request) => productOf(request.prompt));
        assert.equal(answered.length, PRODUCTS, "every product written once");
        assert.equal(new Set(answered).size, PRODUCTS, "none twice");
      } finally {
        await server.close();
      }
    });
  }
});

describe("a sampling job stops when the client cannot or may not sample", () => {
  const lamps = `Title,Keywords\n${Array.from({ length: PRODUCTS }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;

  it("the user declines: one request, stopped with the reason; resumed once allowed, each product once", async () => {
    let allowed = false;
    const write = copywriter();
    const answered: string[] = [];
    const sampling: SamplingHandler = async (request, extra) => {
      if (!allowed) throw new McpError(-1, "User rejected sampling request");
      const reply = await write(request, extra);
      answered.push(productOf(lastMessageText(request.params)));
      return reply;
    };
    const server = await startInMemory({ sampling });
    try {
      await callTool(server.client, "import_products", { csv_text: lamps });
      const job = jobOf(
        "write_catalog",
        await callTool(server.client, "write_catalog", { selection: { status: "draft" } }),
      );
      assert.equal(server.samplingRequests.length, 1);
      assert.deepEqual([job.state, job.failed, job.pending], ["stopped", 0, PRODUCTS]);
      assert.match(String(job.stopReason), /declined/);
      allowed = true;
      const done = jobOf("resume_job", await callTool(server.client, "resume_job", { id: job.id }));
      assert.deepEqual([done.state, done.done, done.failed], ["done", PRODUCTS, 0]);
      assert.equal(new Set(answered).size, PRODUCTS);
      assert.equal(answered.length, PRODUCTS, "none twice");
    } finally {
      await server.close();
    }
  });

  it("a client that declares sampling but answers Method not found: stopped, then pages of briefs", async () => {
    const sampling: SamplingHandler = async () => {
      throw new McpError(-32601, "Method not found");
    };
    const server = await startInMemory({ sampling });
    try {
      await callTool(server.client, "import_products", { csv_text: lamps });
      const job = jobOf(
        "write_catalog",
        await callTool(server.client, "write_catalog", { selection: { status: "draft" } }),
      );
      assert.equal(server.samplingRequests.length, 1);
      assert.deepEqual([job.state, job.failed, job.pending], ["stopped", 0, PRODUCTS]);
      assert.match(
        String(job.stopReason),
        /does not implement it.*resume_job hands you the products' briefs/,
      );
      const resumed = await callTool(server.client, "resume_job", { id: job.id });
      const { page } = structured("resume_job", resumed);
      assert.equal(page?.items.length, PRODUCTS, textOf(resumed));
      assert.equal(server.samplingRequests.length, 1, "no more sampling requests");
    } finally {
      await server.close();
    }
  });
});
