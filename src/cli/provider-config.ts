import {
  MAX_ATTEMPTS,
  PROVIDER_APIS,
  PROVIDER_MODES,
  type ProviderApi,
  type ProviderConfig,
  type ProviderMode,
} from "../llm/providers/config.ts";
import { safeUrl } from "../llm/providers/http.ts";
import {
  exposesKey,
  isPlausibleKey,
  needsKey,
  VENDOR_KEY_VARIABLE,
  vendorKeyFor,
} from "../llm/providers/key-policy.ts";
import { Secret } from "../llm/providers/secret.ts";
import { optionNamed } from "./option-spec.ts";
import { durationOption } from "./option-values.ts";
import { PROVIDER_DEFAULTS, PROVIDER_OPTIONS } from "./provider-options.ts";
import { UsageError } from "./usage-error.ts";

/** A tool call waiting longer than this is stuck, not slow (and timers overflow past 24.8 days). */
const MAX_TIMEOUT_MS = 60 * 60_000;

const DEFAULT_URL: Readonly<Record<ProviderApi, string>> = {
  openai: PROVIDER_DEFAULTS.openaiUrl,
  anthropic: PROVIDER_DEFAULTS.anthropicUrl,
};
const LABEL: Readonly<Record<ProviderApi, string>> = {
  openai: "OpenAI-compatible",
  anthropic: "Anthropic",
};

/**
 * Reads the provider options. `pick` is the CLI's lookup (flag, else its COPYDESK_* variable); `env` is
 * needed for the conventional OPENAI_API_KEY / ANTHROPIC_API_KEY, which are no option's own variable.
 * Undefined when no provider is configured; a UsageError for a bad or missing value.
 */
export function parseProviderConfig(
  pick: (name: string) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ProviderConfig | undefined {
  const api = pick("provider")?.trim();
  if (api === undefined || api === "") {
    const stray = PROVIDER_OPTIONS.find(
      (option) => option.name !== "provider" && pick(option.name) !== undefined,
    );
    if (stray) {
      throw new UsageError(
        `--${stray.name} (or ${stray.env}) is set but no provider is: add --provider openai or --provider anthropic`,
      );
    }
    return undefined;
  }
  if (!(PROVIDER_APIS as readonly string[]).includes(api)) {
    throw new UsageError(`--provider: "${api}" is not one of ${PROVIDER_APIS.join(", ")}`);
  }
  const provider = api as ProviderApi;

  const url = parseUrl(pick("provider-url")?.trim() || DEFAULT_URL[provider]);

  const model = pick("provider-model")?.trim();
  if (!model) {
    throw new UsageError(
      `--provider ${provider} needs --provider-model (or COPYDESK_PROVIDER_MODEL), e.g. ${provider === "openai" ? "gpt-4.1-mini, or llama3.2 for Ollama" : "claude-sonnet-4-5"}`,
    );
  }

  const keyText = (pick("provider-api-key") ?? vendorKeyFor(provider, url, env))?.trim();
  if (keyText && !isPlausibleKey(keyText)) {
    throw new UsageError(
      `--provider-api-key (or COPYDESK_PROVIDER_API_KEY, ${VENDOR_KEY_VARIABLE[provider]}): the key contains spaces, line breaks or other characters no key has; check how it was pasted`,
    );
  }
  const apiKey = keyText ? new Secret(keyText) : undefined;
  if (apiKey && exposesKey(url)) {
    throw new UsageError(
      `--provider-url ${url.host} is plain http and not on this machine: an API key would cross the network in clear text; use https`,
    );
  }
  if (!apiKey && needsKey(url)) {
    throw new UsageError(
      `--provider ${provider} at ${url.host} needs an API key: set COPYDESK_PROVIDER_API_KEY or ${VENDOR_KEY_VARIABLE[provider]}`,
    );
  }

  const modeText = pick("provider-mode")?.trim() || defaultOf("provider-mode");
  if (!(PROVIDER_MODES as readonly string[]).includes(modeText)) {
    throw new UsageError(`--provider-mode: "${modeText}" is not one of ${PROVIDER_MODES.join(", ")}`);
  }

  const timeoutMs = durationOption(
    "provider-timeout",
    pick("provider-timeout") ?? defaultOf("provider-timeout"),
    MAX_TIMEOUT_MS,
  );

  const summary = `${LABEL[provider]} model ${model} at ${safeUrl(url)}`;
  return {
    provider,
    url: url.href,
    model,
    apiKey,
    mode: modeText as ProviderMode,
    timeoutMs,
    attemptTimeoutMs: timeoutMs,
    maxAttempts: MAX_ATTEMPTS,
    describe: () => summary,
  };
}

/** An option's default, from its row: `pick` gives only flags and variables (and a resumed job's values). */
function defaultOf(name: string): string {
  return optionNamed(PROVIDER_OPTIONS, name).default ?? "";
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--provider-url: "${text}" is not a URL; use e.g. http://localhost:11434/v1`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--provider-url: "${safeUrl(url)}" must start with http:// or https://`);
  }
  if (url.username || url.password) {
    // fetch refuses such URLs, and the password would end up in logs: the key has its own option.
    throw new UsageError(
      "--provider-url must not contain a user name or password; pass the key with COPYDESK_PROVIDER_API_KEY",
    );
  }
  return url;
}
