import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jobProvider, resumedProvider } from "../../src/cli/catalog/job-provider.ts";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import type { JobProvider } from "../../src/store/jobs.ts";

const pickFrom =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];
const OPENAI: JobProvider = { provider: "openai", model: "gpt-4.1-mini", url: "https://api.openai.com/v1" };

describe("the provider stored with a job", () => {
  it("is the provider, model and URL, never the key or a query string", () => {
    const config = parseProviderConfig(
      pickFrom({ provider: "openai", "provider-model": "m", "provider-api-key": "sk-abcdefghijklmnop" }),
      {},
    );
    assert.ok(config);
    assert.deepEqual(jobProvider(config), {
      provider: "openai",
      model: "m",
      url: "https://api.openai.com/v1",
    });
    assert.doesNotMatch(JSON.stringify(jobProvider(config)), /sk-/);
    const withQuery = parseProviderConfig(
      pickFrom({
        provider: "openai",
        "provider-model": "m",
        "provider-url": "http://localhost:1/v1?key=abc",
      }),
      {},
    );
    assert.ok(withQuery);
    assert.equal(jobProvider(withQuery).url, null);
  });

  it("resumes with the job's provider and the key from the usual variables", () => {
    const config = resumedProvider(pickFrom({}), { OPENAI_API_KEY: "sk-abcdefghijklmnop" }, "J1", OPENAI);
    assert.equal(config.describe(), "OpenAI-compatible model gpt-4.1-mini at https://api.openai.com/v1");
    assert.ok(config.apiKey);
  });

  it("says which variable is missing when the job's provider needs a key", () => {
    assert.throws(
      () => resumedProvider(pickFrom({}), {}, "J1", OPENAI),
      /^UsageError: write: job J1 was started with openai model gpt-4.1-mini at https:\/\/api\.openai\.com\/v1: --provider openai at api\.openai\.com needs an API key: set COPYDESK_PROVIDER_API_KEY or OPENAI_API_KEY$/,
    );
  });

  it("takes a model given now over the job's, and a provider given now over all of it", () => {
    const env = { OPENAI_API_KEY: "sk-abcdefghijklmnop" };
    const model = resumedProvider(pickFrom({ "provider-model": "gpt-5" }), env, "J1", OPENAI);
    assert.match(model.describe(), /model gpt-5 at https:\/\/api\.openai\.com/);
    const local = resumedProvider(
      pickFrom({
        provider: "openai",
        "provider-model": "llama3.2",
        "provider-url": "http://localhost:11434/v1",
      }),
      {},
      "J1",
      OPENAI,
    );
    assert.match(local.describe(), /llama3\.2 at http:\/\/localhost:11434/);
  });

  it("says what to give when the job has no provider stored, or its URL was not stored", () => {
    assert.throws(
      () => resumedProvider(pickFrom({}), {}, "J1", undefined),
      /job J1 was not started by copydesk write, so no provider is stored with it; give --provider openai\|anthropic and --provider-model/,
    );
    assert.throws(
      () => resumedProvider(pickFrom({}), {}, "J1", { ...OPENAI, url: null }),
      /had a query string, which copydesk does not store \(it may hold a key\): give --provider-url again/,
    );
  });
});
