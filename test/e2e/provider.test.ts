import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import {
  closedPort,
  FAKE_MODEL,
  type FakeLlmServer,
  startFakeAnthropic,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { PNG } from "../support/images.ts";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const KEY = "sk-test-SECRET-123";
const PRODUCT = { title: "Enamel mug", keywords: ["red", "keeps coffee hot"] };
/** What the stand-in copywriter behind both fakes writes for PRODUCT. */
const STAND_IN_DESCRIPTION = String(
  JSON.parse(
    standInCopy(
      "<product_name>\nEnamel mug\n</product_name>\n<keywords>\n- red\n- keeps coffee hot\n</keywords>\nLength: the description has 75-125 words.",
    ),
  ).description,
);

function providerArgs(kind: "openai" | "anthropic", server: { url: string }, mode = "fallback"): string[] {
  return [
    "--provider",
    kind,
    "--provider-url",
    server.url,
    "--provider-model",
    FAKE_MODEL,
    "--provider-mode",
    mode,
  ];
}

/** Every byte copydesk left behind: its stderr, the tool results and the database files. */
function assertKeyNowhere(stderr: string, results: unknown[], dataDir: string): void {
  assert.ok(!stderr.includes(KEY), "the key is in stderr");
  assert.ok(!JSON.stringify(results).includes(KEY), "the key is in a tool result");
  for (const file of readdirSync(dataDir)) {
    assert.ok(!readFileSync(join(dataDir, file)).includes(KEY), `the key is in ${file}`);
  }
}

describe("server-side provider through the built executable", () => {
  let openai: FakeLlmServer;
  let anthropic: FakeLlmServer;
  before(async () => {
    openai = await startFakeOpenAi({ apiKey: KEY, text: standInCopy });
    anthropic = await startFakeAnthropic({ apiKey: KEY, text: standInCopy });
  });
  after(async () => {
    await openai.close();
    await anthropic.close();
  });

  for (const [kind, fake] of [
    ["openai", () => openai],
    ["anthropic", () => anthropic],
  ] as const) {
    it(`${kind}: a client without sampling gets the provider's text, stored with its route`, async () => {
      const dataDir = tempDataDir();
      const server = await startServer({
        dataDir,
        args: providerArgs(kind, fake()),
        env: { COPYDESK_PROVIDER_API_KEY: KEY },
      });
      try {
        const result = await callTool(server.client, "create_product", PRODUCT);
        assert.equal(result.isError, undefined, textOf(result));
        const { product } = structured("create_product", result);
        assert.deepEqual(
          { description: product.description, model: product.model, route: product.route },
          { description: STAND_IN_DESCRIPTION, model: FAKE_MODEL, route: "provider" },
        );
        assert.deepEqual(fake().violations, []);
        await server.close();
        assertKeyNowhere(server.stderr(), [result], dataDir);
      } finally {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  it("an image reaches each provider in its own format", async () => {
    const dataDir = tempDataDir();
    try {
      for (const [kind, fake] of [
        ["openai", () => openai],
        ["anthropic", () => anthropic],
      ] as const) {
        const server = await startServer({
          dataDir,
          args: providerArgs(kind, fake()),
          env: { COPYDESK_PROVIDER_API_KEY: KEY },
        });
        try {
          const result = await callTool(server.client, "create_product", {
            ...PRODUCT,
            image: `data:image/png;base64,${PNG.toString("base64")}`,
          });
          assert.equal(result.isError, undefined, textOf(result));
          const body = fake().requests.at(-1)?.body as {
            messages: Array<{ role: string; content: unknown }>;
          };
          const parts = body.messages.find((m) => m.role === "user")?.content as Array<
            Record<string, unknown>
          >;
          const image = parts.find((part) => part.type === (kind === "openai" ? "image_url" : "image"));
          assert.deepEqual(
            image,
            kind === "openai"
              ? { type: "image_url", image_url: { url: `data:image/png;base64,${PNG.toString("base64")}` } }
              : {
                  type: "image",
                  source: { type: "base64", media_type: "image/png", data: PNG.toString("base64") },
                },
          );
          assert.deepEqual(fake().violations, []);
        } finally {
          await server.close();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a wrong key is a precise error that names the variable, without the key, and stores nothing", async () => {
    const wrong = "sk-test-WRONG-456";
    const server = await startServer({
      args: providerArgs("openai", openai),
      env: { COPYDESK_PROVIDER_API_KEY: wrong },
    });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, true);
      assert.match(textOf(result), /COPYDESK_PROVIDER_API_KEY/);
      assert.ok(!textOf(result).includes(wrong));
      const listed = await callTool(server.client, "list_products");
      assert.deepEqual(structured("list_products", listed).products, []);
      assert.ok(!server.stderr().includes(wrong));
    } finally {
      await server.close();
    }
  });

  it("a provider that is not running is named, URL and all", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const server = await startServer({ args: providerArgs("openai", { url }) });
    try {
      const result = await callTool(server.client, "create_product", PRODUCT);
      assert.equal(result.isError, true);
      assert.ok(textOf(result).includes(`127.0.0.1:`), textOf(result));
    } finally {
      await server.close();
    }
  });
});
