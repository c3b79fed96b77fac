import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "../../platform/logger.ts";
import { anthropicDialect } from "./anthropic.ts";
import type { ProviderConfig } from "./config.ts";
import { createHttpProvider } from "./http.ts";
import { openAiDialect } from "./openai.ts";
import type { Provider } from "./provider.ts";

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
