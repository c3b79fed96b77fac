/**
 * Which model the demo uses, in this order: copydesk's own provider settings (COPYDESK_PROVIDER...),
 * an OpenAI or Anthropic key in the environment, an Ollama answering on localhost:11434 with a model
 * pulled, else the labelled stand-in. A real model is reached through copydesk's provider route, so
 * the demo shows what a user with that set-up gets.
 */
export type DemoModel =
  | {
      readonly kind: "provider";
      /** Variables for the copydesk process (keys included: the child needs them). */
      readonly env: Readonly<Record<string, string>>;
      /** What the demo prints: never the key. */
      readonly label: string;
    }
  | { readonly kind: "stand-in"; readonly label: string };

/** Models the demo asks for when only a key is given (COPYDESK_PROVIDER_MODEL overrides). */
export const DEFAULT_MODELS = { openai: "gpt-5-mini", anthropic: "claude-sonnet-4-5" } as const;

export const OLLAMA_URL = "http://localhost:11434";

export async function chooseDemoModel(
  env: Readonly<Record<string, string | undefined>>,
  /** Names of the models a local Ollama has, or undefined when none answers. */
  ollamaModels: () => Promise<readonly string[] | undefined>,
): Promise<DemoModel> {
  const passed = (names: string[]) =>
    Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name] as string]] : [])));
  if (env.COPYDESK_PROVIDER) {
    const model = env.COPYDESK_PROVIDER_MODEL ?? "(no COPYDESK_PROVIDER_MODEL set)";
    return {
      kind: "provider",
      env: passed(
        Object.keys(env).filter((name) => name.startsWith("COPYDESK_PROVIDER") || name.endsWith("_API_KEY")),
      ),
      label: `${env.COPYDESK_PROVIDER} model ${model}${env.COPYDESK_PROVIDER_URL ? ` at ${env.COPYDESK_PROVIDER_URL}` : ""} (from your COPYDESK_PROVIDER settings)`,
    };
  }
  for (const provider of ["openai", "anthropic"] as const) {
    const key = provider === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
    if (!env[key]) continue;
    const model = env.COPYDESK_PROVIDER_MODEL || DEFAULT_MODELS[provider];
    return {
      kind: "provider",
      env: { COPYDESK_PROVIDER: provider, COPYDESK_PROVIDER_MODEL: model, [key]: env[key] as string },
      label: `${provider} model ${model} (${key} is set; COPYDESK_PROVIDER_MODEL picks another model)`,
    };
  }
  const local = await ollamaModels();
  const model =
    env.COPYDESK_PROVIDER_MODEL && local?.includes(env.COPYDESK_PROVIDER_MODEL)
      ? env.COPYDESK_PROVIDER_MODEL
      : local?.[0];
  if (model !== undefined) {
    return {
      kind: "provider",
      env: {
        COPYDESK_PROVIDER: "openai",
        COPYDESK_PROVIDER_URL: `${OLLAMA_URL}/v1`,
        COPYDESK_PROVIDER_MODEL: model,
      },
      label: `Ollama model ${model} at ${OLLAMA_URL} (found running here)`,
    };
  }
  return {
    kind: "stand-in",
    label:
      "a labelled stand-in, not an LLM (no COPYDESK_PROVIDER, OPENAI_API_KEY or ANTHROPIC_API_KEY set, and no Ollama with a model on localhost:11434)",
  };
}

/** Asks a local Ollama which models it has; quick to give up, as most machines run none. */
export async function probeOllama(
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 800,
): Promise<readonly string[] | undefined> {
  try {
    const response = await fetchImpl(`${OLLAMA_URL}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { models?: { name?: unknown }[] };
    const names = (body.models ?? []).map((entry) => entry.name).filter((name) => typeof name === "string");
    return names.length > 0 ? (names as string[]) : undefined;
  } catch {
    return undefined;
  }
}
