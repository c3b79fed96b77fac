import type { ProviderConfig } from "../../llm/providers/config.ts";
import type { JobProvider } from "../../store/jobs.ts";
import { parseProviderConfig } from "../provider-config.ts";
import { UsageError } from "../usage-error.ts";

type Pick = (name: string) => string | undefined;
type Env = Readonly<Record<string, string | undefined>>;

const HOW =
  "give --provider openai|anthropic and --provider-model (or set COPYDESK_PROVIDER and COPYDESK_PROVIDER_MODEL), and the key in COPYDESK_PROVIDER_API_KEY";

/** The provider of a new job: from flags and variables, or a usage error saying what to give. */
export function configuredProvider(pick: Pick, env: Env): ProviderConfig {
  const config = parseProviderConfig(pick, env);
  if (!config) throw new UsageError(`write: no provider is configured; ${HOW}`);
  return config;
}

/** What is stored with a job: enough to call the same provider again, never the key. */
export function jobProvider(config: ProviderConfig): JobProvider {
  const url = new URL(config.url);
  return {
    provider: config.provider,
    model: config.model,
    url: url.search === "" && url.hash === "" ? url.href : null,
  };
}

/**
 * The provider a resumed job is written with: the one configured now (flags, variables) wins; else the
 * one the job was started with, its model or URL overridable by flag, and the key from the usual flag or
 * variables. A usage error says exactly what is missing.
 */
export function resumedProvider(
  pick: Pick,
  env: Env,
  jobId: string,
  stored: JobProvider | undefined,
): ProviderConfig {
  if (pick("provider") !== undefined || !stored) {
    const config = parseProviderConfig(pick, env);
    if (config) return config;
    throw new UsageError(
      `write: job ${jobId} was not started by copydesk write, so no provider is stored with it; ${HOW}`,
    );
  }
  if (stored.url === null && pick("provider-url") === undefined) {
    throw new UsageError(
      `write: job ${jobId} was started with a --provider-url that had a query string, which copydesk does not store (it may hold a key): give --provider-url again`,
    );
  }
  const fromJob: Readonly<Record<string, string | undefined>> = {
    provider: stored.provider,
    "provider-model": stored.model,
    "provider-url": stored.url ?? undefined,
  };
  const started = `${stored.provider} model ${stored.model}${stored.url ? ` at ${stored.url}` : ""}`;
  try {
    const config = parseProviderConfig((name) => pick(name) ?? fromJob[name], env);
    if (config) return config;
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`write: job ${jobId} was started with ${started}: ${error.message}`);
    }
    throw error;
  }
  throw new UsageError(`write: job ${jobId} was started with ${started}, which is no longer valid; ${HOW}`);
}
