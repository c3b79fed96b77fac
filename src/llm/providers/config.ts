import { describeDuration } from "../../platform/duration.ts";
import type { Secret } from "./secret.ts";

export const PROVIDER_APIS = ["openai", "anthropic"] as const;
export type ProviderApi = (typeof PROVIDER_APIS)[number];

/**
 * fallback: only when the client lacks sampling; fallback_on_error: also when client sampling fails;
 * always: never ask the client.
 */
export const PROVIDER_MODES = ["fallback", "fallback_on_error", "always"] as const;
export type ProviderMode = (typeof PROVIDER_MODES)[number];

/** At most this many requests per generation when the provider answers 429/503/529. */
export const MAX_ATTEMPTS = 3;

/** The server-side provider as configured; the CLI makes it (src/cli/provider-config.ts). */
export interface ProviderConfig {
  readonly provider: ProviderApi;
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

/** For a start-up log line. */
export function describeProviderConfig(config: ProviderConfig): string {
  return `${config.describe()}, mode ${config.mode}, timeout ${describeDuration(config.timeoutMs)}${config.apiKey ? ", with an API key" : ""}`;
}
