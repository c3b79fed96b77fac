import { installExitWatchdog } from "../../platform/exit-watchdog.ts";
import { createLogger, type Logger } from "../../platform/logger.ts";
import type { HttpConfig } from "../../services/config.ts";
import { createServer, type ServerDeps } from "../server.ts";
import { startHttpServer } from "./http/server.ts";

/**
 * Many clients over Streamable HTTP, each session with a server of its own. Runs until SIGINT or
 * SIGTERM; stdin is left alone, so a detached process keeps serving.
 */
export async function serveHttp(
  config: HttpConfig,
  deps: ServerDeps,
  closeStore: () => void,
): Promise<Logger> {
  // Process-wide events go to stderr only: there is no single client to send them to.
  const logger = createLogger(deps.logSinks);
  const running = await startHttpServer({ config, newServer: () => createServer(deps).server, logger });
  installExitWatchdog({
    process,
    logger,
    shutdown: async () => {
      await running.close();
      closeStore();
    },
  });
  return logger;
}
