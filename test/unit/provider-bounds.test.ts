import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { createProvider } from "../../src/llm/providers/create-provider.ts";
import { ProviderError } from "../../src/llm/providers/errors.ts";
import { MAX_BODY_BYTES, retryAfterMs } from "../../src/llm/providers/http.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { isLastingFailure } from "../../src/services/lasting-failure.ts";
import {
  anthropicError,
  FAKE_MODEL,
  type FakeLlmServer,
  OPENAI_TEXT,
  startFakeAnthropic,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";

const KEY = "sk-proj-Zq8vR2mXw4Tn6Yp0Lk3JhG";
const BRIEF: WritingBrief = {
  label: "product description",
  systemPrompt: "You write product copy.",
  userPrompt: "A red mug.",
  maxTokens: 100,
  temperature: 0.4,
};

function provider(api: "openai" | "anthropic", url: string, sleeps: number[] = []) {
  const options: Record<string, string> = {
    provider: api,
    "provider-url": url,
    "provider-model": FAKE_MODEL,
    "provider-api-key": KEY,
    "provider-timeout": "10s",
  };
  const config = parseProviderConfig((name) => options[name], {});
  assert.ok(config);
  return createProvider(config, {
    logger: createLogger([]),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => assert.fail("expected a ProviderError"),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ProviderError, String(error));
  assert.ok(!error.message.includes(KEY), error.message);
  return error;
}

const signal = () => new AbortController().signal;

describe("provider replies are bounded (issue 19, items 5 and 11)", () => {
  let openai: FakeLlmServer;
  let anthropic: FakeLlmServer;
  before(async () => {
    openai = await startFakeOpenAi({ apiKey: KEY });
    anthropic = await startFakeAnthropic({ apiKey: KEY });
  });
  after(async () => {
    await openai.close();
    await anthropic.close();
  });

  it("an endless body is refused past 1 MiB, naming the cap, and no more of it is read", async () => {
    openai.enqueue({ endless: '{"choices": [' });
    const error = await refusal(provider("openai", openai.url).complete(BRIEF, { signal: signal() }));
    assert.equal(error.failure, "too-large");
    assert.equal(error.status, 200);
    assert.match(error.message, /more than 1 MiB, copydesk's limit for a reply, so copydesk stopped reading/);
    assert.doesNotMatch(error.message, /Could not reach/);
    assert.equal(isLastingFailure(error), false, "a job fails this product and goes on");
    const request = await openai.waitForRequests(openai.requests.length);
    for (let waited = 0; !request.aborted && waited < 200; waited++)
      await new Promise((r) => setTimeout(r, 10));
    assert.ok(request.aborted, "copydesk closed the connection");
    const sent = request.bytesSent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(request.bytesSent, sent, "nothing more was written after copydesk stopped");
    // The cap, plus what the loopback socket buffers hold before the server feels backpressure.
    assert.ok(sent < MAX_BODY_BYTES + 8 * 1024 * 1024, `the server wrote ${sent} bytes`);
  });

  it("an error status with a body past the cap, or a Content-Length past it, is refused the same way", async () => {
    anthropic.enqueue({ status: 500, endless: "x" });
    const endless = await refusal(provider("anthropic", anthropic.url).complete(BRIEF, { signal: signal() }));
    assert.equal(endless.failure, "too-large");
    assert.match(endless.message, /HTTP 500 with a body of more than 1 MiB/);
    anthropic.enqueue({ status: 200, body: "y".repeat(MAX_BODY_BYTES + 1) });
    const declared = await refusal(
      provider("anthropic", anthropic.url).complete(BRIEF, { signal: signal() }),
    );
    assert.equal(declared.failure, "too-large");
  });

  it("a body of exactly the cap is read", async () => {
    const padding = " ".repeat(MAX_BODY_BYTES - 200);
    openai.enqueue({
      body: `{"model": "${FAKE_MODEL}", "choices": [{"message": {"content": "${OPENAI_TEXT}"}, "finish_reason": "stop"}]${padding}}`.padEnd(
        MAX_BODY_BYTES,
      ),
    });
    const completion = await provider("openai", openai.url).complete(BRIEF, { signal: signal() });
    assert.equal(completion.text, OPENAI_TEXT);
  });

  it("Retry-After that is negative or garbage counts as absent: the usual backoff applies", async () => {
    const now = Date.parse("2026-12-04T20:00:00Z");
    for (const value of ["-5", "-0.5", "soon", "5 seconds", "1e3", "Tomorrow"]) {
      assert.equal(retryAfterMs(new Headers({ "retry-after": value }), now), undefined, value);
    }
    assert.equal(retryAfterMs(new Headers({ "retry-after": "Fri, 04 Dec 2026 20:00:03 GMT" }), now), 3000);
    assert.equal(retryAfterMs(new Headers({ "retry-after": "2" }), now), 2000);
    const sleeps: number[] = [];
    openai.enqueue({ status: 429, headers: { "retry-after": "-5" } });
    const completion = await provider("openai", openai.url, sleeps).complete(BRIEF, { signal: signal() });
    assert.equal(completion.text, OPENAI_TEXT);
    assert.deepEqual(sleeps, [1000], "waited the first backoff, not 0 ms for a date 5 years BC");
  });

  it("a 200 that carries an error object surfaces the provider's own words, the key redacted", async () => {
    openai.enqueue({
      body: { error: { message: `Upstream overloaded for key ${KEY}; try later.`, code: 502 } },
    });
    const openAiError = await refusal(provider("openai", openai.url).complete(BRIEF, { signal: signal() }));
    assert.equal(openAiError.failure, "provider-error");
    assert.match(
      openAiError.message,
      /answered HTTP 200 with an error instead of a reply: "Upstream overloaded for key \[redacted\]; try later"/,
    );
    anthropic.enqueue({ body: anthropicError("overloaded_error", "Overloaded") });
    const anthropicFailure = await refusal(
      provider("anthropic", anthropic.url).complete(BRIEF, { signal: signal() }),
    );
    assert.match(anthropicFailure.message, /HTTP 200 with an error instead of a reply: "Overloaded"/);
  });
});
