import type { Logger } from "../platform/logger.ts";
import { describeProviderConfig, type ProviderConfig } from "./providers/config.ts";
import { createProvider } from "./providers/create-provider.ts";
import type { ServerSideModel } from "./router.ts";

/** The configured provider as the router sees it: one for the process, shared by every session. */
export function serverSideModel(config: ProviderConfig, logger: Logger): ServerSideModel {
  const provider = createProvider(config, { logger });
  logger.info(`Provider: ${describeProviderConfig(config)}`);
  return {
    mode: config.mode,
    description: config.describe(),
    complete: (brief, options) => provider.complete(brief, options),
    carriesKey: (text) => config.apiKey?.appearsIn(text) ?? false,
  };
}
