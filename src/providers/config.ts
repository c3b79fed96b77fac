import { setTimeout as delay } from "node:timers/promises";
import { durationOption } from "../cli/duration-option.ts";
import { UsageError } from "../cli/usage-error.ts";
import type { Logger } from "../log/logger.ts";
import { describeDuration } from "../sampling/duration.ts";
import { anthropicDialect } from "./anthropic.ts";
import { createHttpProvider, safeUrl } from "./http.ts";
import { openAiDialect } from "./openai.ts";
import { PROVIDER_DEFAULTS, PROVIDER_OPTIONS } from "./options.ts";
import type { Provider } from "./provider.ts";
import { Secret } from "./secret.ts";

export const PROVIDER_KINDS = ["openai", "anthropic"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * fallback: only when the client lacks sampling; fallback_on_error: also when client sampling fails;
 * always: never ask the client.
 */
export const PROVIDER_MODES = ["fallback", "fallback_on_error", "always"] as const;
export type ProviderMode = (typeof PROVIDER_MODES)[number];

/** A tool call waiting longer than this is stuck, not slow (and timers overflow past 24.8 days). */
const MAX_TIMEOUT_MS = 60 * 60_000;

/** At most this many requests per generation when the provider answers 429/503/529. */
export const MAX_ATTEMPTS = 3;

export interface ProviderConfig {
  readonly provider: ProviderKind;
  /** The API root, as given or defaulted. */
  readonly url: string;
  readonly model: string;
  /** Prints as "[redacted]" however it is logged. */
  readonly apiKey: Secret | undefined;
  readonly mode: ProviderMode;
  /** One generation, retries and waits included (--provider-timeout). */
  readonly timeoutMs: number;
  /** One HTTP request; never more than what is left of timeoutMs. No flag: the same as timeoutMs. */
  readonly attemptTimeoutMs: number;
  readonly maxAttempts: number;
  /** Provider, model and URL, for logs and messages: never the key. */
  describe(): string;
}

/** The only hosts the vendors' own key variables are sent to. */
const VENDOR_HOST: Readonly<Record<ProviderKind, string>> = {
  openai: "api.openai.com",
  anthropic: "api.anthropic.com",
};

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

const KEY_FALLBACK: Readonly<Record<ProviderKind, string>> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};
const DEFAULT_URL: Readonly<Record<ProviderKind, string>> = {
  openai: PROVIDER_DEFAULTS.openaiUrl,
  anthropic: PROVIDER_DEFAULTS.anthropicUrl,
};
const LABEL: Readonly<Record<ProviderKind, string>> = {
  openai: "OpenAI-compatible",
  anthropic: "Anthropic",
};
/** Hosts that always need a key: without one, say so at start-up rather than at the first 401. */
const KEYED_HOSTS = new Set(["api.openai.com", "api.anthropic.com", "openrouter.ai"]);

/**
 * Reads the provider options. `pick` is the CLI's lookup (flag, else its COPYDESK_* variable); `env` is
 * needed for the conventional OPENAI_API_KEY / ANTHROPIC_API_KEY, which are no option's own variable.
 * Undefined when no provider is configured; a UsageError for a bad or missing value.
 */
export function parseProviderConfig(
  pick: (name: string) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ProviderConfig | undefined {
  const kind = pick("provider")?.trim();
  if (kind === undefined || kind === "") {
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
  if (!(PROVIDER_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--provider: "${kind}" is not one of ${PROVIDER_KINDS.join(", ")}`);
  }
  const provider = kind as ProviderKind;

  const url = parseUrl(pick("provider-url")?.trim() || DEFAULT_URL[provider]);

  const model = pick("provider-model")?.trim();
  if (!model) {
    throw new UsageError(
      `--provider ${provider} needs --provider-model (or COPYDESK_PROVIDER_MODEL), e.g. ${provider === "openai" ? "gpt-4.1-mini, or llama3.2 for Ollama" : "claude-sonnet-4-5"}`,
    );
  }

  // OPENAI_API_KEY / ANTHROPIC_API_KEY are keys for that vendor's own API: never hand them to another
  // host (a shell with OPENAI_API_KEY set must not send it to a LAN box serving an OpenAI-compatible API).
  const fallbackKey = url.hostname === VENDOR_HOST[provider] ? env[KEY_FALLBACK[provider]] : undefined;
  const keyText = (pick("provider-api-key") ?? (fallbackKey === "" ? undefined : fallbackKey))?.trim();
  if (keyText && !/^[\x21-\x7e]+$/.test(keyText)) {
    // fetch would quote the bad header value, key and all, in its error; say it here without the key.
    throw new UsageError(
      `--provider-api-key (or COPYDESK_PROVIDER_API_KEY, ${KEY_FALLBACK[provider]}): the key contains spaces, line breaks or other characters no key has; check how it was pasted`,
    );
  }
  const apiKey = keyText ? new Secret(keyText) : undefined;
  if (apiKey && url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `--provider-url ${url.host} is plain http and not on this machine: an API key would cross the network in clear text; use https`,
    );
  }
  if (!apiKey && KEYED_HOSTS.has(url.hostname)) {
    throw new UsageError(
      `--provider ${provider} at ${url.host} needs an API key: set COPYDESK_PROVIDER_API_KEY or ${KEY_FALLBACK[provider]}`,
    );
  }

  const modeText = pick("provider-mode")?.trim() || PROVIDER_DEFAULTS.mode;
  if (!(PROVIDER_MODES as readonly string[]).includes(modeText)) {
    throw new UsageError(`--provider-mode: "${modeText}" is not one of ${PROVIDER_MODES.join(", ")}`);
  }

  const timeoutMs = durationOption(
    "provider-timeout",
    pick("provider-timeout") ?? PROVIDER_DEFAULTS.timeout,
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

export interface ProviderDeps {
  /** Defaults to the global fetch; tests pass their own or point the config at a local server. */
  readonly fetch?: typeof fetch;
  readonly logger: Logger;
  /** Waits between retries; must settle (reject or resolve) when the signal aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Milliseconds since the epoch: the deadline and HTTP-date Retry-After use it. */
  readonly now?: () => number;
}

export function createProvider(config: ProviderConfig, deps: ProviderDeps): Provider {
  const dialect = config.provider === "anthropic" ? anthropicDialect(config) : openAiDialect(config);
  return createHttpProvider(config, dialect, {
    fetch: deps.fetch ?? globalThis.fetch,
    logger: deps.logger,
    sleep: deps.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    now: deps.now ?? Date.now,
  });
}

/** For a start-up log line. */
export function describeProviderConfig(config: ProviderConfig): string {
  return `${config.describe()}, mode ${config.mode}, timeout ${describeDuration(config.timeoutMs)}${config.apiKey ? ", with an API key" : ""}`;
}
