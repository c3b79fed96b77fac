import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { postCopyBrief } from "../../src/kinds/post-copy.ts";
import type { ClientSampling } from "../../src/llm/client-sampling.ts";
import { GenerationError } from "../../src/llm/errors.ts";
import type { RawReply } from "../../src/llm/generation.ts";
import type { ProviderMode } from "../../src/llm/providers/config.ts";
import { createWriter, type ServerSideModel } from "../../src/llm/router.ts";
import { createLogger } from "../../src/platform/logger.ts";

const brief = postCopyBrief({ title: "T", content: "C" }, { brand: undefined, language: undefined });
const call = { requestId: 1, signal: new AbortController().signal };
const logger = createLogger([]);
const reply = (text: string, model: string): RawReply => ({ text, model, stopReason: "endTurn" });

function sampling(available: boolean, answer: () => Promise<RawReply>): ClientSampling & { asked: number } {
  const fake = {
    asked: 0,
    available: () => available,
    ask: async () => {
      fake.asked++;
      return answer();
    },
    spendRequestIdZero: () => {},
  };
  return fake;
}

function provider(mode: ProviderMode): ServerSideModel & { asked: number } {
  const fake = {
    mode,
    description: "fake provider",
    asked: 0,
    complete: async () => {
      fake.asked++;
      return reply("From the provider.", "provider-model");
    },
  };
  return fake;
}

const fromClient = () => Promise.resolve(reply("From the client.", "client-model"));
const declined = () => Promise.reject(new GenerationError("declined", "declined"));
const cancelled = () => Promise.reject(new GenerationError("cancelled", "cancelled"));

async function route(available: boolean, answer: () => Promise<RawReply>, mode?: ProviderMode) {
  const model = mode ? provider(mode) : undefined;
  const writer = createWriter({
    sampling: sampling(available, answer),
    provider: model,
    logger,
    clientName: () => "Client X",
  });
  const outcome = await writer.write(brief, call);
  return outcome.result === "written"
    ? `${outcome.generation.route}:${outcome.generation.text}`
    : `host:${outcome.reason}`;
}

describe("route decision", () => {
  it("with no client sampling at all (the command line), the provider in every mode", async () => {
    for (const mode of ["fallback", "fallback_on_error", "always"] as const) {
      const model = provider(mode);
      const writer = createWriter({ provider: model, logger, clientName: () => "copydesk write" });
      assert.equal(writer.plannedRoute(), "provider");
      const outcome = await writer.write(brief, call);
      assert.equal(outcome.result === "written" && outcome.generation.route, "provider", mode);
      assert.equal(model.asked, 1);
    }
  });
  it("client sampling when offered and no provider", async () => {
    assert.equal(await route(true, fromClient), "client-sampling:From the client.");
  });
  it("the calling model when nobody else can write", async () => {
    assert.equal(
      await route(false, fromClient),
      "host:Client X does not support MCP sampling and no provider is configured",
    );
  });
  for (const mode of ["fallback", "fallback_on_error", "always"] as const) {
    it(`${mode}: the provider when the client has no sampling`, async () => {
      assert.equal(await route(false, fromClient, mode), "provider:From the provider.");
    });
  }
  it("fallback and fallback_on_error prefer the client when it samples", async () => {
    assert.equal(await route(true, fromClient, "fallback"), "client-sampling:From the client.");
    assert.equal(await route(true, fromClient, "fallback_on_error"), "client-sampling:From the client.");
  });
  it("always uses the provider even when the client samples", async () => {
    assert.equal(await route(true, fromClient, "always"), "provider:From the provider.");
  });
  it("fallback_on_error uses the provider when the user declines; fallback does not", async () => {
    assert.equal(await route(true, declined, "fallback_on_error"), "provider:From the provider.");
    await assert.rejects(route(true, declined, "fallback"), /declined/);
  });
  it("a client that declares sampling but answers Method not found is treated as one without, in every mode", async () => {
    const missing = () => Promise.reject(new GenerationError("no-sampling", "Method not found"));
    assert.equal(await route(true, missing, "fallback"), "provider:From the provider.");
    assert.match(
      await route(true, missing),
      /^host:Client X declares MCP sampling but does not implement it/,
    );
  });
  it("after such an answer the session stops asking the client", async () => {
    const fake = sampling(true, () => Promise.reject(new GenerationError("no-sampling", "Method not found")));
    const writer = createWriter({ sampling: fake, provider: undefined, logger, clientName: () => "X" });
    assert.equal((await writer.write(brief, call)).result, "host-model");
    assert.equal((await writer.write(brief, call)).result, "host-model");
    assert.equal(fake.asked, 1);
  });
  it("a cancelled call is never retried elsewhere", async () => {
    await assert.rejects(route(true, cancelled, "fallback_on_error"), /cancelled/);
  });
  it("an empty provider reply is asked again once, like sampling", async () => {
    const model = provider("always");
    let calls = 0;
    model.complete = async () => (++calls === 1 ? reply("  ", "p") : reply("Second try.", "p"));
    const writer = createWriter({
      sampling: sampling(false, fromClient),
      provider: model,
      logger,
      clientName: () => "X",
    });
    const outcome = await writer.write(brief, call);
    assert.equal(outcome.result === "written" && outcome.generation.text, "Second try.");
    assert.equal(calls, 2);
  });
});
