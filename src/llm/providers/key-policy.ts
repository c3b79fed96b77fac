import type { ProviderApi } from "./config.ts";

/** The conventional variables holding each vendor's own key. */
export const VENDOR_KEY_VARIABLE: Readonly<Record<ProviderApi, string>> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};

/** The only hosts the vendors' own key variables are sent to. */
const VENDOR_HOST: Readonly<Record<ProviderApi, string>> = {
  openai: "api.openai.com",
  anthropic: "api.anthropic.com",
};

/** Hosts that always need a key: without one, say so at start-up rather than at the first 401. */
const KEYED_HOSTS = new Set(["api.openai.com", "api.anthropic.com", "openrouter.ai"]);

/**
 * OPENAI_API_KEY / ANTHROPIC_API_KEY are keys for that vendor's own API: never hand them to another
 * host (a shell with OPENAI_API_KEY set must not send it to a LAN box serving an OpenAI-compatible API).
 */
export function vendorKeyFor(
  provider: ProviderApi,
  url: URL,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const key = url.hostname === VENDOR_HOST[provider] ? env[VENDOR_KEY_VARIABLE[provider]] : undefined;
  return key === "" ? undefined : key;
}

/** A key typed or pasted wrong: fetch would quote the bad header value, key and all, in its error. */
export function isPlausibleKey(key: string): boolean {
  return /^[\x21-\x7e]+$/.test(key);
}

/** A key sent in clear text over the network, rather than to this machine. */
export function exposesKey(url: URL): boolean {
  return url.protocol === "http:" && !isLoopbackHost(url.hostname);
}

export function needsKey(url: URL): boolean {
  return KEYED_HOSTS.has(url.hostname);
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
