import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseDemoModel, probeOllama } from "../../scripts/demo/choose-model.ts";

const noOllama = async () => undefined;

describe("the demo's choice of model", () => {
  it("uses copydesk's provider settings first, passing them and the keys to copydesk", async () => {
    const model = await chooseDemoModel(
      {
        COPYDESK_PROVIDER: "anthropic",
        COPYDESK_PROVIDER_MODEL: "claude-haiku-4-5",
        ANTHROPIC_API_KEY: "sk-ant-secret",
        OPENAI_API_KEY: "sk-openai",
        HOME: "/home/u",
      },
      async () => ["llama3.2"],
    );
    assert.equal(model.kind, "provider");
    assert.deepEqual(model.kind === "provider" && model.env, {
      COPYDESK_PROVIDER: "anthropic",
      COPYDESK_PROVIDER_MODEL: "claude-haiku-4-5",
      ANTHROPIC_API_KEY: "sk-ant-secret",
      OPENAI_API_KEY: "sk-openai",
    });
    assert.match(model.label, /anthropic model claude-haiku-4-5/);
    assert.doesNotMatch(model.label, /secret/);
  });

  it("uses an OpenAI key, then an Anthropic key, with a default model", async () => {
    const openai = await chooseDemoModel({ OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "sk-2" }, noOllama);
    assert.deepEqual(openai.kind === "provider" && openai.env, {
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_MODEL: "gpt-5-mini",
      OPENAI_API_KEY: "sk-1",
    });
    const anthropic = await chooseDemoModel({ ANTHROPIC_API_KEY: "sk-2" }, noOllama);
    assert.deepEqual(anthropic.kind === "provider" && anthropic.env, {
      COPYDESK_PROVIDER: "anthropic",
      COPYDESK_PROVIDER_MODEL: "claude-sonnet-4-5",
      ANTHROPIC_API_KEY: "sk-2",
    });
    assert.doesNotMatch(anthropic.label, /sk-2/);
  });

  it("uses a local Ollama's model when no key is set", async () => {
    const model = await chooseDemoModel({}, async () => ["qwen3:4b", "llama3.2:latest"]);
    assert.deepEqual(model.kind === "provider" && model.env, {
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: "http://localhost:11434/v1",
      COPYDESK_PROVIDER_MODEL: "qwen3:4b",
    });
    assert.match(model.label, /Ollama model qwen3:4b/);
  });

  it("falls back to the labelled stand-in, and says why", async () => {
    const model = await chooseDemoModel({ HOME: "/home/u" }, noOllama);
    assert.equal(model.kind, "stand-in");
    assert.match(model.label, /stand-in, not an LLM/);
  });
});

describe("probeOllama", () => {
  const answering = (status: number, body: unknown) =>
    (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

  it("lists the models a local Ollama has", async () => {
    assert.deepEqual(await probeOllama(answering(200, { models: [{ name: "llama3.2:latest" }] })), [
      "llama3.2:latest",
    ]);
  });

  it("is undefined with no model pulled, an error answer, or nothing listening", async () => {
    assert.equal(await probeOllama(answering(200, { models: [] })), undefined);
    assert.equal(await probeOllama(answering(500, {})), undefined);
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    assert.equal(await probeOllama(refused), undefined);
  });
});
