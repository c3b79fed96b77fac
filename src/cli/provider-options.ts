import type { OptionSpec } from "./option-spec.ts";

export const PROVIDER_DEFAULTS = {
  timeout: "2m",
  mode: "fallback",
  openaiUrl: "https://api.openai.com/v1",
  anthropicUrl: "https://api.anthropic.com",
} as const;

/** The server-side provider's rows of the option table (spliced into OPTIONS by the CLI). */
export const PROVIDER_OPTIONS: readonly OptionSpec[] = [
  {
    name: "provider",
    value: "openai|anthropic",
    env: "COPYDESK_PROVIDER",
    description:
      "Let copydesk call a model itself when the client cannot sample: openai (any OpenAI-compatible API: OpenAI, Ollama, LM Studio, vLLM, llama.cpp, OpenRouter) or anthropic",
  },
  {
    name: "provider-url",
    value: "URL",
    env: "COPYDESK_PROVIDER_URL",
    description: `API root (default ${PROVIDER_DEFAULTS.openaiUrl} for openai, ${PROVIDER_DEFAULTS.anthropicUrl} for anthropic; Ollama: http://localhost:11434/v1)`,
  },
  {
    name: "provider-model",
    value: "NAME",
    env: "COPYDESK_PROVIDER_MODEL",
    description: "Model to call, e.g. gpt-4.1-mini, claude-sonnet-4-5 or llama3.2 (required with --provider)",
  },
  {
    name: "provider-api-key",
    value: "KEY",
    env: "COPYDESK_PROVIDER_API_KEY",
    description:
      "API key; falls back to OPENAI_API_KEY or ANTHROPIC_API_KEY. Not needed for a local server. Prefer the variable: a flag shows in the process list",
  },
  {
    name: "provider-mode",
    value: "MODE",
    env: "COPYDESK_PROVIDER_MODE",
    default: PROVIDER_DEFAULTS.mode,
    description:
      "When to use the provider: fallback (only if the client cannot sample), fallback_on_error (also when the client's sampling fails) or always",
  },
  {
    name: "provider-timeout",
    value: "DURATION",
    env: "COPYDESK_PROVIDER_TIMEOUT",
    default: PROVIDER_DEFAULTS.timeout,
    description:
      "How long one generation may take with the provider, retries included, e.g. 90s, 5m; at most 60m",
  },
];
