import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inspect } from "node:util";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import { PROVIDER_OPTIONS } from "../../src/cli/provider-options.ts";
import { UsageError } from "../../src/cli/usage-error.ts";
import { describeProviderConfig } from "../../src/llm/providers/config.ts";
import { redactKeyLike, Secret } from "../../src/llm/providers/secret.ts";

const KEY = "sk-test-SECRET-123";

/** The CLI's lookup: a flag, else the option's own variable (an empty variable counts as unset). */
function parse(flags: Record<string, string>, env: Record<string, string> = {}) {
  const pick = (name: string): string | undefined => {
    if (flags[name] !== undefined) return flags[name];
    const variable = PROVIDER_OPTIONS.find((option) => option.name === name)?.env;
    const value = variable ? env[variable] : undefined;
    return value === "" ? undefined : value;
  };
  return parseProviderConfig(pick, env);
}

function usageError(flags: Record<string, string>, pattern: RegExp, env: Record<string, string> = {}) {
  assert.throws(
    () => parse(flags, env),
    (error: unknown) => {
      assert.ok(error instanceof UsageError, String(error));
      assert.match(error.message, pattern);
      assert.ok(!error.message.includes(KEY), error.message);
      return true;
    },
  );
}

describe("PROVIDER_OPTIONS", () => {
  it("names exactly the agreed options and variables", () => {
    assert.deepEqual(
      PROVIDER_OPTIONS.map((option) => [option.name, option.env]),
      [
        ["provider", "COPYDESK_PROVIDER"],
        ["provider-url", "COPYDESK_PROVIDER_URL"],
        ["provider-model", "COPYDESK_PROVIDER_MODEL"],
        ["provider-api-key", "COPYDESK_PROVIDER_API_KEY"],
        ["provider-mode", "COPYDESK_PROVIDER_MODE"],
        ["provider-timeout", "COPYDESK_PROVIDER_TIMEOUT"],
      ],
    );
    for (const option of PROVIDER_OPTIONS) assert.ok(option.value, `--${option.name} takes a value`);
  });
});

describe("parseProviderConfig", () => {
  it("is undefined when no provider is configured, even with OPENAI_API_KEY in the environment", () => {
    assert.equal(parse({}), undefined);
    assert.equal(parse({}, { OPENAI_API_KEY: KEY, COPYDESK_PROVIDER: "" }), undefined);
  });

  it("refuses provider options without a provider", () => {
    usageError({ "provider-model": "llama3.2" }, /--provider-model .*no provider/);
    usageError({}, /--provider-api-key \(or COPYDESK_PROVIDER_API_KEY\) is set but no provider/, {
      COPYDESK_PROVIDER_API_KEY: KEY,
    });
  });

  it("has documented defaults for OpenAI", () => {
    const config = parse({ provider: "openai", "provider-model": "gpt-4.1-mini" }, { OPENAI_API_KEY: KEY });
    assert.ok(config);
    assert.equal(config.provider, "openai");
    assert.equal(config.url, "https://api.openai.com/v1");
    assert.equal(config.model, "gpt-4.1-mini");
    assert.equal(config.mode, "fallback");
    assert.equal(config.timeoutMs, 120_000);
    assert.equal(config.attemptTimeoutMs, 120_000);
    assert.equal(config.maxAttempts, 3);
    assert.equal(config.apiKey?.reveal(), KEY);
    assert.equal(config.describe(), "OpenAI-compatible model gpt-4.1-mini at https://api.openai.com/v1");
  });

  it("has documented defaults for Anthropic", () => {
    const config = parse(
      { provider: "anthropic", "provider-model": "claude-sonnet-4-5" },
      { ANTHROPIC_API_KEY: KEY },
    );
    assert.equal(config?.url, "https://api.anthropic.com/");
    assert.equal(config?.describe(), "Anthropic model claude-sonnet-4-5 at https://api.anthropic.com/");
  });

  it("reads every variable, and a flag wins over its variable", () => {
    const env = {
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: "http://localhost:11434/v1",
      COPYDESK_PROVIDER_MODEL: "llama3.2",
      COPYDESK_PROVIDER_MODE: "always",
      COPYDESK_PROVIDER_TIMEOUT: "5m",
    };
    const fromEnv = parse({}, env);
    assert.equal(fromEnv?.url, "http://localhost:11434/v1");
    assert.equal(fromEnv?.model, "llama3.2");
    assert.equal(fromEnv?.mode, "always");
    assert.equal(fromEnv?.timeoutMs, 300_000);
    assert.equal(fromEnv?.apiKey, undefined, "a local server needs no key");
    const flags = parse({ "provider-model": "qwen3", "provider-mode": "fallback_on_error" }, env);
    assert.equal(flags?.model, "qwen3");
    assert.equal(flags?.mode, "fallback_on_error");
  });

  it("takes the key from the flag, then COPYDESK_PROVIDER_API_KEY, then the vendor's own variable", () => {
    const local = { provider: "openai", "provider-url": "http://localhost:8080/v1", "provider-model": "m" };
    const all = { COPYDESK_PROVIDER_API_KEY: "from-copydesk", OPENAI_API_KEY: "from-openai" };
    assert.equal(parse({ ...local, "provider-api-key": "from-flag" }, all)?.apiKey?.reveal(), "from-flag");
    assert.equal(parse(local, all)?.apiKey?.reveal(), "from-copydesk");
    const openai = { provider: "openai", "provider-model": "m" };
    assert.equal(parse(openai, { OPENAI_API_KEY: "from-openai" })?.apiKey?.reveal(), "from-openai");
    assert.equal(
      parse(local, { ANTHROPIC_API_KEY: "from-anthropic" })?.apiKey,
      undefined,
      "the other provider's key is not borrowed",
    );
    const anthropic = { provider: "anthropic", "provider-model": "m" };
    assert.equal(parse(anthropic, { ANTHROPIC_API_KEY: "a", OPENAI_API_KEY: "o" })?.apiKey?.reveal(), "a");
  });

  it("sends the vendor's own key variable only to that vendor's API", () => {
    const elsewhere = {
      provider: "openai",
      "provider-url": "https://llm.example.com/v1",
      "provider-model": "m",
    };
    assert.equal(parse(elsewhere, { OPENAI_API_KEY: "sk-real" })?.apiKey, undefined);
    const local = { provider: "openai", "provider-url": "http://localhost:11434/v1", "provider-model": "m" };
    assert.equal(parse(local, { OPENAI_API_KEY: "sk-real" })?.apiKey, undefined);
  });

  it("refuses to send a key over plain http to another machine, but not to this one", () => {
    const lan = { provider: "openai", "provider-url": "http://192.168.1.20:8000/v1", "provider-model": "m" };
    usageError({ ...lan, "provider-api-key": "k" }, /plain http .* clear text/);
    assert.equal(parse(lan, {})?.apiKey, undefined, "no key, no refusal");
    const local = { provider: "openai", "provider-url": "http://127.0.0.1:8000/v1", "provider-model": "m" };
    assert.equal(parse({ ...local, "provider-api-key": "k" }, {})?.apiKey?.reveal(), "k");
  });

  it("needs a key for the hosted APIs, naming the variables", () => {
    usageError(
      { provider: "openai", "provider-model": "gpt-4.1-mini" },
      /needs an API key: set COPYDESK_PROVIDER_API_KEY or OPENAI_API_KEY/,
    );
    usageError(
      { provider: "anthropic", "provider-model": "claude-sonnet-4-5" },
      /needs an API key: set COPYDESK_PROVIDER_API_KEY or ANTHROPIC_API_KEY/,
    );
  });

  it("needs a model: there is no silent default", () => {
    usageError({ provider: "openai" }, /needs --provider-model \(or COPYDESK_PROVIDER_MODEL\)/, {
      OPENAI_API_KEY: KEY,
    });
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ["an unknown provider", { provider: "gemini" }, /--provider: "gemini" is not one of openai, anthropic/],
    ["a URL that is not one", { "provider-url": "localhost:11434" }, /--provider-url/],
    ["a URL that is not http", { "provider-url": "ftp://example.com/v1" }, /http:\/\/ or https:\/\//],
    [
      "a URL with a password",
      { "provider-url": `http://user:${KEY}@localhost:8080/v1` },
      /must not contain a user name or password/,
    ],
    ["a key with a line break in it", { "provider-api-key": `${KEY}\nx` }, /characters no key has/],
    ["an unknown mode", { "provider-mode": "sometimes" }, /--provider-mode: "sometimes" is not one of/],
    ["a timeout that is not a duration", { "provider-timeout": "soon" }, /--provider-timeout: "soon"/],
    ["a zero timeout", { "provider-timeout": "0" }, /--provider-timeout/],
    ["a timeout of days", { "provider-timeout": "3000m" }, /more than 60 minutes/],
  ];
  for (const [name, flags, pattern] of bad) {
    it(`refuses ${name}`, () => {
      usageError(
        { provider: "openai", "provider-url": "http://localhost:11434/v1", "provider-model": "m", ...flags },
        pattern,
      );
    });
  }

  it("never shows the key: not in describe(), JSON, util.inspect or a template string", () => {
    const config = parse(
      {
        provider: "openai",
        "provider-model": "gpt-4.1-mini",
        "provider-url": "https://example.com/v1?org=x",
      },
      { COPYDESK_PROVIDER_API_KEY: KEY },
    );
    assert.ok(config);
    for (const printed of [
      config.describe(),
      describeProviderConfig(config),
      JSON.stringify(config),
      inspect(config, { depth: 10, showHidden: true }),
      `${config.apiKey}`,
    ]) {
      assert.ok(!printed.includes(KEY), printed);
    }
    assert.ok(!config.describe().includes("org=x"), "the query string may hold credentials");
    assert.match(describeProviderConfig(config), /with an API key/);
  });
});

describe("redaction", () => {
  it("removes the key, its URL-encoded form and key-shaped strings", () => {
    const secret = new Secret("my key/with+odd=chars");
    assert.equal(
      secret.redact(`a my key/with+odd=chars b ${encodeURIComponent("my key/with+odd=chars")} c`),
      "a [redacted] b [redacted] c",
    );
    assert.equal(
      redactKeyLike("Incorrect API key provided: sk-proj-abc*****wxyz. See docs."),
      "Incorrect API key provided: [redacted]. See docs.",
    );
    assert.equal(redactKeyLike("Authorization: Bearer abcdefghijklmnop"), "Authorization: Bearer [redacted]");
    assert.equal(redactKeyLike("sent x-api-key: abcdefgh12345678"), "sent x-api-key: [redacted]");
    assert.equal(redactKeyLike("url?api_key=abcdefgh12345678&x=1"), "url?api_key=[redacted]&x=1");
    for (const prose of ["model gpt-4.1-mini is busy", "Incorrect API key provided", "api_key missing"]) {
      assert.equal(redactKeyLike(prose), prose);
    }
  });
});
