import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { createProvider } from "../../src/llm/providers/create-provider.ts";
import { ProviderError } from "../../src/llm/providers/errors.ts";
import { MAX_BODY_BYTES } from "../../src/llm/providers/http.ts";
import { createLogger } from "../../src/platform/logger.ts";
import {
  anthropicMessage,
  FAKE_MODEL,
  type FakeLlmServer,
  type FakeReply,
  openAiCompletion,
  startFakeAnthropic,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { type Random, seededRandom, testSeed } from "../support/seeded-random.ts";

const KEY = "sk-proj-Zq8vR2mXw4Tn6Yp0Lk3JhG";
const ROUNDS = 160;
const BRIEF: WritingBrief = {
  label: "product description",
  systemPrompt: "You write product copy.",
  userPrompt: "A red mug.",
  maxTokens: 100,
  temperature: 0.4,
};

/** What cleaning and JSON reading make of a text: escapes decoded (twice), invisibles dropped. */
function cleaned(text: string): string {
  const decode = (value: string) =>
    value.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return decode(decode(text)).replace(/[\p{Cc}\p{Cf}]/gu, "");
}

/** Text that may carry the key, plainly or hidden as issue 9 and issue 19 found it. */
function words(random: Random): string {
  const split = (between: string) => `${KEY.slice(0, 9)}${between}${KEY.slice(9)}`;
  const escaped = [...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  const pieces = [
    "A red mug.",
    "Keeps coffee hot.",
    "\u202eevil",
    "\u0000\u0007",
    "é ü 漢字 👩‍🍳",
    "<b>html</b>",
    '"quoted"',
    "\\",
    KEY,
    split("\u200b"),
    split("\u0007"),
    split("\u202e"),
    split("\u2060"),
    escaped,
    [...KEY].join(" "),
  ];
  return Array.from({ length: random.int(0, 4) }, () => random.pick(pieces)).join(" ");
}

function body(random: Random, anthropic: boolean): unknown {
  const text = words(random);
  const shapes: Array<() => unknown> = [
    () => (anthropic ? anthropicMessage({ text }) : openAiCompletion({ text })),
    () =>
      anthropic
        ? anthropicMessage({ text: "A mug.", model: text })
        : openAiCompletion({ text: "A mug.", model: text }),
    () => ({ error: { message: text, code: random.int(400, 599) } }),
    () => ({ error: text }),
    () => ({ type: "error", error: { type: "overloaded_error", message: text } }),
    () => ({ message: text, detail: text }),
    () => `${JSON.stringify(openAiCompletion({ text }))}`.slice(0, random.int(0, 60)),
    () => `<html><body>${text}</body></html>`,
    () => text,
    () => "",
    () => [1, 2, text],
    () => "null",
    () => ({ choices: [{ message: { content: [{ type: "text", text }, 42] } }] }),
    () => ({ choices: [{ message: { content: 7 } }], content: "x" }),
  ];
  return random.pick(shapes)();
}

function reply(random: Random, anthropic: boolean): FakeReply {
  const status = random.pick([200, 200, 200, 200, 400, 401, 404, 422, 429, 500, 503, 529]);
  const retryAfter = random.pick([
    undefined,
    "-5",
    "",
    "soon",
    "0",
    "1",
    "Fri, 04 Dec 2026 20:00:03 GMT",
    "1e9",
  ]);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { "retry-after": retryAfter };
  if (random.chance(0.03)) return { status, headers, endless: words(random) || "x" };
  return { status, headers, body: body(random, anthropic) };
}

let openai: FakeLlmServer;
let anthropic: FakeLlmServer;
/** This round's replies, in order; once they are used up, the normal answer. */
let pending: FakeReply[] = [];
before(async () => {
  openai = await startFakeOpenAi({ apiKey: KEY, respond: () => pending.shift() });
  anthropic = await startFakeAnthropic({ apiKey: KEY, respond: () => pending.shift() });
});
after(async () => {
  await openai.close();
  await anthropic.close();
});

it(`a seeded fuzz of provider replies: a completion or a ProviderError, never the key (${ROUNDS} rounds)`, async () => {
  const seed = testSeed(19_05);
  const random = seededRandom(seed);
  const providers = {
    openai: { server: () => openai, anthropic: false },
    anthropic: { server: () => anthropic, anthropic: true },
  };
  const outcomes = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    const api = random.pick(["openai", "anthropic"] as const);
    const { server, anthropic: isAnthropic } = providers[api];
    const options: Record<string, string> = {
      provider: api,
      "provider-url": server().url,
      "provider-model": FAKE_MODEL,
      "provider-api-key": KEY,
    };
    const config = parseProviderConfig((name) => options[name], {});
    assert.ok(config);
    const provider = createProvider(config, { logger: createLogger([]), sleep: async () => {} });
    const replies = [reply(random, isAnthropic), reply(random, isAnthropic), reply(random, isAnthropic)];
    pending = [...replies];
    const where = `seed ${seed}, round ${round}: ${JSON.stringify(replies).slice(0, 300)}`;
    const outcome = await provider.complete(BRIEF, { signal: new AbortController().signal }).then(
      (completion) => {
        const stored = `${completion.text}\n${completion.model}\n${completion.stopReason}`;
        assert.ok(!cleaned(stored).includes(KEY.slice(9)), `the key got through: ${where}`);
        return "completion";
      },
      (error: unknown) => {
        assert.ok(error instanceof ProviderError, `not a ProviderError (${String(error)}): ${where}`);
        assert.ok(!cleaned(error.message).includes(KEY.slice(9)), `the key in "${error.message}": ${where}`);
        assert.doesNotMatch(error.message, /Could not reach|internal error/, where);
        if (error.failure === "too-large") {
          // Only an endless body passes the cap: every other body here is far below it.
          assert.ok(MAX_BODY_BYTES > 64 * 1024);
          assert.ok(
            replies.some((r) => r.endless !== undefined),
            `too-large without a large body: ${where}`,
          );
        }
        return error.failure;
      },
    );
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  for (const expected of ["completion", "bad-response", "provider-error", "too-large"]) {
    assert.ok(outcomes.has(expected), `no ${expected} in ${JSON.stringify([...outcomes])}`);
  }
});
