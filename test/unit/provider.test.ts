import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { inspect } from "node:util";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { createProvider } from "../../src/llm/providers/create-provider.ts";
import { ProviderError, type ProviderFailure } from "../../src/llm/providers/errors.ts";
import { createLogger, type Logger } from "../../src/platform/logger.ts";
import { isLastingFailure } from "../../src/services/lasting-failure.ts";
import {
  ANTHROPIC_TEXT,
  anthropicError,
  anthropicMessage,
  closedPort,
  FAKE_MODEL,
  type FakeLlmServer,
  type FakeReply,
  type FakeServerOptions,
  OPENAI_TEXT,
  openAiCompletion,
  openAiError,
  type RecordedRequest,
  startFakeAnthropic,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";

/** Distinctive, so a leak anywhere is found by a plain substring search. */
const KEY = "sk-test-SECRET-123";

const BRIEF: WritingBrief = {
  label: "product description",
  systemPrompt: "You write short, accurate product copy.",
  userPrompt: "Describe this product: a red enamel mug.",
  maxTokens: 321,
  temperature: 0.4,
};

/** Every log line of every provider in this file: checked for the key at the end. */
const allLogLines: string[] = [];
/** Every error message thrown in this file, likewise. */
const allErrors: unknown[] = [];

after(() => {
  assert.ok(allLogLines.length > 10, "the providers logged (so the check below means something)");
  for (const line of allLogLines) assert.ok(!line.includes(KEY), `the key leaked into a log line: ${line}`);
  for (const error of allErrors) {
    const printed = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
    assert.ok(!printed.includes(KEY), `the key leaked into an error: ${printed}`);
  }
});

function recordingLogger(lines: string[]): Logger {
  return createLogger([
    (level, message) => {
      lines.push(`${level}: ${message}`);
      allLogLines.push(message);
    },
  ]);
}

interface Harness {
  readonly provider: ReturnType<typeof createProvider>;
  readonly lines: string[];
  readonly sleeps: number[];
}

function harness(
  provider: "openai" | "anthropic",
  url: string,
  values: Record<string, string | undefined> = {},
  deps: { sleep?: (ms: number, signal: AbortSignal) => Promise<void>; now?: () => number } = {},
): Harness {
  const options: Record<string, string | undefined> = {
    provider,
    "provider-url": url,
    "provider-model": FAKE_MODEL,
    "provider-api-key": KEY,
    "provider-timeout": "10s",
    ...values,
  };
  const config = parseProviderConfig((name) => options[name], {});
  assert.ok(config);
  const lines: string[] = [];
  const sleeps: number[] = [];
  return {
    provider: createProvider(config, {
      logger: recordingLogger(lines),
      // Waits are recorded, not slept: the tests prove Retry-After was honoured without taking the time.
      sleep:
        deps.sleep ??
        (async (ms) => {
          sleeps.push(ms);
        }),
      ...(deps.now ? { now: deps.now } : {}),
    }),
    lines,
    sleeps,
  };
}

async function failure(
  promise: Promise<unknown>,
  failure: ProviderFailure,
  ...patterns: RegExp[]
): Promise<ProviderError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${failure} failure, but the provider answered`),
    (caught: unknown) => caught,
  );
  allErrors.push(error);
  assert.ok(error instanceof ProviderError, `not a ProviderError: ${String(error)}`);
  assert.equal(error.failure, failure, error.message);
  for (const pattern of patterns) assert.match(error.message, pattern);
  assert.ok(!error.message.includes(KEY), error.message);
  return error;
}

const signal = () => new AbortController().signal;

async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 3000) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Api {
  readonly name: "openai" | "anthropic";
  readonly start: (options?: FakeServerOptions) => Promise<FakeLlmServer>;
  readonly text: string;
  readonly keyVariable: string;
  readonly atLength: FakeReply;
  readonly serverError: FakeReply;
  readonly echoesKey: FakeReply;
  checkRequest(request: RecordedRequest): void;
}

const APIS: readonly Api[] = [
  {
    name: "openai",
    start: startFakeOpenAi,
    text: OPENAI_TEXT,
    keyVariable: "OPENAI_API_KEY",
    atLength: { body: openAiCompletion({ text: "A red enamel mug that", finishReason: "length" }) },
    serverError: { status: 500, body: openAiError("The server had an error.", "server_error") },
    echoesKey: {
      status: 400,
      body: openAiError(`Invalid header: Authorization: Bearer ${KEY} (key ${KEY})`, "invalid_request_error"),
    },
    checkRequest(request) {
      assert.equal(request.method, "POST");
      assert.equal(request.path, "/v1/chat/completions");
      assert.equal(request.headers.authorization, `Bearer ${KEY}`);
      assert.match(String(request.headers["content-type"]), /^application\/json/);
      assert.deepEqual(request.body, {
        model: FAKE_MODEL,
        messages: [
          { role: "system", content: BRIEF.systemPrompt },
          { role: "user", content: BRIEF.userPrompt },
        ],
        max_tokens: BRIEF.maxTokens,
        temperature: BRIEF.temperature,
        stream: false,
      });
    },
  },
  {
    name: "anthropic",
    start: startFakeAnthropic,
    text: ANTHROPIC_TEXT,
    keyVariable: "ANTHROPIC_API_KEY",
    atLength: { body: anthropicMessage({ text: "A blue linen shirt", stopReason: "max_tokens" }) },
    serverError: { status: 500, body: anthropicError("api_error", "Internal server error") },
    echoesKey: {
      status: 400,
      body: anthropicError("invalid_request_error", `x-api-key: ${KEY} is not allowed here (${KEY})`),
    },
    checkRequest(request) {
      assert.equal(request.method, "POST");
      assert.equal(request.path, "/v1/messages");
      assert.equal(request.headers["x-api-key"], KEY);
      assert.equal(request.headers["anthropic-version"], "2023-06-01");
      assert.equal(request.headers.authorization, undefined);
      assert.deepEqual(request.body, {
        model: FAKE_MODEL,
        max_tokens: BRIEF.maxTokens,
        system: BRIEF.systemPrompt,
        messages: [{ role: "user", content: BRIEF.userPrompt }],
        temperature: BRIEF.temperature,
      });
    },
  },
];

for (const api of APIS) {
  describe(`${api.name} provider against a local fake`, () => {
    let server: FakeLlmServer;
    beforeEach(async () => {
      server = await api.start({ apiKey: KEY });
    });
    afterEach(async () => {
      assert.deepEqual(server.violations, [], "requests were shaped as the real API expects");
      await server.close();
    });

    it("sends the brief in the API's shape and returns the text, model and endTurn", async () => {
      const { provider, lines } = harness(api.name, server.url);
      const completion = await provider.complete(BRIEF, { signal: signal() });
      assert.deepEqual(completion, {
        text: api.text,
        model: FAKE_MODEL,
        stopReason: "endTurn",
        usage: { input: 20, output: 10 },
      });
      assert.equal(server.requests.length, 1);
      api.checkRequest(server.requests[0] as RecordedRequest);
      assert.ok(lines.some((line) => line.includes("product description")));
    });

    it("maps a stop at the token limit to maxTokens and keeps the partial text", async () => {
      server.enqueue(api.atLength);
      const completion = await harness(api.name, server.url).provider.complete(BRIEF, { signal: signal() });
      assert.equal(completion.stopReason, "maxTokens");
      assert.match(completion.text, /^A /);
    });

    it("401: a wrong key names the variables to set, and not even a masked key is echoed", async () => {
      const { provider } = harness(api.name, server.url, { "provider-api-key": "sk-test-WRONG-999" });
      const error = await failure(
        provider.complete(BRIEF, { signal: signal() }),
        "auth",
        /HTTP 401/,
        /COPYDESK_PROVIDER_API_KEY/,
        new RegExp(api.keyVariable),
      );
      assert.equal(error.status, 401);
      assert.ok(!error.message.includes("sk-test"), error.message);
      assert.equal(server.requests.length, 1, "no retry on 401");
    });

    it("401 with no key at all says that none is set", async () => {
      const { provider } = harness(api.name, server.url, { "provider-api-key": undefined });
      await failure(provider.complete(BRIEF, { signal: signal() }), "auth", /No API key is set/);
    });

    it("404: an unknown model is named, with the URL", async () => {
      const { provider } = harness(api.name, server.url, { "provider-model": "no-such-model" });
      const error = await failure(
        provider.complete(BRIEF, { signal: signal() }),
        "not-found",
        /no-such-model/,
        /127\.0\.0\.1:\d+/,
        /--provider-url/,
      );
      assert.equal(error.status, 404);
      assert.equal(server.requests.length, 1, "no retry on 404");
    });

    it("500: the provider is failing, with the status, and is not retried", async () => {
      server.enqueue(api.serverError);
      const error = await failure(
        harness(api.name, server.url).provider.complete(BRIEF, { signal: signal() }),
        "provider-error",
        /HTTP 500/,
        /provider's side/,
      );
      assert.equal(error.status, 500);
      assert.equal(server.requests.length, 1);
    });

    it("429 with Retry-After: 1 waits one second, then succeeds", async () => {
      server.enqueue({
        status: 429,
        headers: { "retry-after": "1" },
        body: { error: { message: "slow down" } },
      });
      const { provider, sleeps, lines } = harness(api.name, server.url);
      const completion = await provider.complete(BRIEF, { signal: signal() });
      assert.equal(completion.text, api.text);
      assert.deepEqual(sleeps, [1000]);
      assert.equal(server.requests.length, 2);
      assert.ok(
        lines.some((line) => /warning: .*HTTP 429.*attempt 2 of 3/.test(line)),
        lines.join("\n"),
      );
    });

    it("503 three times: gives up after three attempts with backoff between them", async () => {
      const unavailable: FakeReply = { status: 503, body: "Service Unavailable" };
      server.enqueue(unavailable, unavailable, unavailable, unavailable);
      const { provider, sleeps } = harness(api.name, server.url);
      const error = await failure(
        provider.complete(BRIEF, { signal: signal() }),
        "provider-error",
        /HTTP 503/,
        /after 3 attempts/,
      );
      assert.equal(error.status, 503);
      assert.equal(server.requests.length, 3);
      assert.deepEqual(sleeps, [1000, 2000]);
    });

    it("a slow provider hits --provider-timeout, which is named, and the request is dropped", async () => {
      server.enqueue({ delayMs: 10_000 });
      const { provider } = harness(api.name, server.url, { "provider-timeout": "300ms" });
      const started = performance.now();
      await failure(
        provider.complete(BRIEF, { signal: signal() }),
        "timeout",
        /300 ms/,
        /--provider-timeout/,
      );
      assert.ok(performance.now() - started < 5000);
      await eventually(() => server.requests[0]?.aborted === true, "the server saw the request dropped");
    });

    it("connection refused names the URL and asks whether the server runs", async () => {
      const port = await closedPort();
      const url = api.name === "openai" ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`;
      await failure(
        harness(api.name, url).provider.complete(BRIEF, { signal: signal() }),
        "unreachable",
        new RegExp(`http://127\\.0\\.0\\.1:${port}/`),
        /connection refused/,
        /Is the server running\?/,
      );
      assert.ok(isLastingFailure(allErrors.at(-1)), "nothing listening stops a job");
    });

    it("a cancelled tool call aborts the HTTP request mid-flight", async () => {
      server.enqueue({ hang: true });
      const controller = new AbortController();
      const { provider } = harness(api.name, server.url, { "provider-timeout": "60s" });
      const pending = provider.complete(BRIEF, { signal: controller.signal });
      await server.waitForRequests(1);
      const aborted = performance.now();
      controller.abort();
      await failure(pending, "cancelled", /cancelled/);
      assert.ok(performance.now() - aborted < 2000, "the cancel took effect at once, not at the timeout");
      await eventually(() => server.requests[0]?.aborted === true, "the server saw the request dropped");
    });

    it("a provider that echoes the key back: the key is redacted from the message", async () => {
      server.enqueue(api.echoesKey);
      const error = await failure(
        harness(api.name, server.url).provider.complete(BRIEF, { signal: signal() }),
        "bad-request",
        /HTTP 400/,
        /\[redacted\]/,
      );
      assert.ok(!error.message.includes("SECRET"), error.message);
    });
  });
}

describe("retries, deadlines and replies (OpenAI-compatible)", () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await startFakeOpenAi();
  });
  afterEach(async () => {
    await server.close();
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const now = Date.parse("2026-11-24T05:00:00Z");
    server.enqueue({ status: 503, headers: { "retry-after": "Tue, 24 Nov 2026 05:00:05 GMT" } });
    const { provider, sleeps } = harness("openai", server.url, {}, { now: () => now });
    await provider.complete(BRIEF, { signal: signal() });
    assert.deepEqual(sleeps, [5000]);
  });

  it("never waits past the overall deadline: a long Retry-After fails at once", async () => {
    server.enqueue({ status: 429, headers: { "retry-after": "120" } });
    const { provider, sleeps } = harness("openai", server.url, { "provider-timeout": "10s" });
    await failure(
      provider.complete(BRIEF, { signal: signal() }),
      "rate-limited",
      /wait 2 minutes/,
      /--provider-timeout/,
    );
    assert.deepEqual(sleeps, []);
    assert.equal(server.requests.length, 1);
  });

  it("a timeout after a retry names --provider-timeout, not what was left of it", async () => {
    server.enqueue({ status: 503, headers: { "retry-after": "0" }, delayMs: 50 }, { delayMs: 10_000 });
    const { provider } = harness("openai", server.url, { "provider-timeout": "700ms" });
    await failure(provider.complete(BRIEF, { signal: signal() }), "timeout", /within 700 ms\./);
    assert.equal(server.requests.length, 2);
  });

  it("429 on every attempt: rate limited, try later", async () => {
    const limited: FakeReply = {
      status: 429,
      headers: { "retry-after": "2" },
      body: openAiError("Rate limit reached for requests", "requests"),
    };
    server.enqueue(limited, limited, limited);
    const { provider, sleeps } = harness("openai", server.url);
    await failure(
      provider.complete(BRIEF, { signal: signal() }),
      "rate-limited",
      /after 3 attempts/,
      /Rate limit reached/,
      /try again/,
    );
    assert.deepEqual(sleeps, [2000, 2000]);
  });

  it("a cancel during the wait between retries stops without another request", async () => {
    server.enqueue({ status: 503 });
    const controller = new AbortController();
    const { provider } = harness(
      "openai",
      server.url,
      {},
      {
        sleep: (_ms, waitSignal) =>
          new Promise((_resolve, reject) => {
            waitSignal.addEventListener("abort", () => reject(waitSignal.reason), { once: true });
            controller.abort();
          }),
      },
    );
    await failure(provider.complete(BRIEF, { signal: controller.signal }), "cancelled");
    assert.equal(server.requests.length, 1);
  });

  it("switches to max_completion_tokens and the default temperature when the model asks, and remembers", async () => {
    server.enqueue(
      {
        status: 400,
        body: openAiError(
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          "invalid_request_error",
          { param: "max_tokens", code: "unsupported_parameter" },
        ),
      },
      {
        status: 400,
        body: openAiError(
          "Unsupported value: 'temperature' does not support 0.4 with this model. Only the default (1) value is supported.",
          "invalid_request_error",
          { param: "temperature", code: "unsupported_value" },
        ),
      },
    );
    const { provider } = harness("openai", server.url);
    assert.equal((await provider.complete(BRIEF, { signal: signal() })).text, OPENAI_TEXT);
    await provider.complete(BRIEF, { signal: signal() });
    const bodies = server.requests.map((request) => request.body as Record<string, unknown>);
    assert.equal(bodies.length, 4);
    assert.equal(bodies[1]?.max_completion_tokens, BRIEF.maxTokens);
    assert.equal(bodies[1]?.max_tokens, undefined);
    assert.equal(bodies[2]?.temperature, undefined);
    assert.deepEqual(bodies[3], bodies[2], "the next generation starts with what worked");
  });

  const malformed: Array<[string, FakeReply, RegExp]> = [
    ["an empty body", { body: "" }, /empty body/],
    ["text that is not JSON", { body: "Hello from nginx" }, /other than JSON.*Hello from nginx/],
    ["an HTML page", { body: "<!doctype html><title>LM Studio</title>" }, /an HTML page/],
    ["JSON without choices", { body: { id: "x" } }, /unexpected shape \(no choices array\)/],
  ];
  for (const [name, reply, pattern] of malformed) {
    it(`200 with ${name} is a bad response that points at --provider-url`, async () => {
      server.enqueue(reply);
      await failure(
        harness("openai", server.url).provider.complete(BRIEF, { signal: signal() }),
        "bad-response",
        pattern,
        /--provider-url/,
      );
    });
  }

  it("no text at all, cut off at max tokens: says the reasoning ate the budget", async () => {
    server.enqueue({ body: openAiCompletion({ text: "", finishReason: "length", model: "o-mini" }) });
    await failure(
      harness("openai", server.url).provider.complete(BRIEF, { signal: signal() }),
      "empty",
      /o-mini used all 321 tokens/,
    );
  });

  it("a base URL without /v1 gets a 404 that says what the API root looks like", async () => {
    const root = server.url.replace(/\/v1$/, "");
    await failure(
      harness("openai", root).provider.complete(BRIEF, { signal: signal() }),
      "not-found",
      /API root \(e\.g\. .*11434\/v1/,
    );
  });

  it("a 400 that names an unknown model is a not-found, like a 404, so a job stops on it", async () => {
    const unknown: Array<[string, Record<string, unknown>]> = [
      ["The model `gpt-9` does not exist or you do not have access to it.", { code: "model_not_found" }],
      ['model "llama9" not found, try pulling it first', {}],
      ["Invalid model name passed in model=gpt-9. Call `/v1/models` to view available models.", {}],
    ];
    for (const [message, extra] of unknown) {
      server.enqueue({ status: 400, body: openAiError(message, "invalid_request_error", extra) });
      const error = await failure(
        harness("openai", server.url).provider.complete(BRIEF, { signal: signal() }),
        "not-found",
        new RegExp(FAKE_MODEL),
      );
      assert.ok(isLastingFailure(error), message);
    }
    server.enqueue({
      status: 400,
      body: openAiError("This request breaks the usage policy.", "invalid_request_error"),
    });
    const refused = await failure(
      harness("openai", server.url).provider.complete(BRIEF, { signal: signal() }),
      "bad-request",
    );
    assert.equal(isLastingFailure(refused), false, "one product's refusal does not stop a job");
  });

  it("a local server needs no key, and gets no Authorization header", async () => {
    const { provider } = harness("openai", server.url, { "provider-api-key": undefined });
    await provider.complete(BRIEF, { signal: signal() });
    assert.equal(server.requests[0]?.headers.authorization, undefined);
  });

  it("an already-aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await failure(
      harness("openai", server.url).provider.complete(BRIEF, { signal: controller.signal }),
      "cancelled",
    );
    assert.equal(server.requests.length, 0);
  });
});

describe("anthropic request shape", () => {
  it("drops the temperature for a model that refuses one, and remembers", async () => {
    const server = await startFakeAnthropic();
    try {
      server.enqueue({
        status: 400,
        body: anthropicError("invalid_request_error", "temperature: Extra inputs are not permitted"),
      });
      const { provider } = harness("anthropic", server.url);
      assert.equal((await provider.complete(BRIEF, { signal: signal() })).text, ANTHROPIC_TEXT);
      await provider.complete(BRIEF, { signal: signal() });
      const bodies = server.requests.map((request) => request.body as Record<string, unknown>);
      assert.equal(bodies.length, 3);
      assert.equal(bodies[0]?.temperature, BRIEF.temperature);
      assert.equal("temperature" in (bodies[1] ?? {}), false);
      assert.deepEqual(bodies[2], bodies[1]);
    } finally {
      await server.close();
    }
  });

  it("does not loop on a 400 it cannot fix", async () => {
    const server = await startFakeAnthropic();
    try {
      const refusal: FakeReply = {
        status: 400,
        body: anthropicError("invalid_request_error", "temperature: must be at most 1.0"),
      };
      server.enqueue(refusal, refusal, refusal);
      await failure(
        harness("anthropic", server.url).provider.complete(BRIEF, { signal: signal() }),
        "bad-request",
        /temperature: must be at most 1\.0/,
      );
      assert.equal(server.requests.length, 2, "one change, then the provider's reason");
    } finally {
      await server.close();
    }
  });

  it("accepts a base that already ends in /v1", async () => {
    const server = await startFakeAnthropic();
    try {
      await harness("anthropic", `${server.url}/v1/`).provider.complete(BRIEF, { signal: signal() });
      assert.equal(server.requests[0]?.path, "/v1/messages");
    } finally {
      await server.close();
    }
  });
});
