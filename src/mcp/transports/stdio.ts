import { installExitWatchdog } from "../../platform/exit-watchdog.ts";
import type { Logger } from "../../platform/logger.ts";
import { createServer, type ServerDeps } from "../server.ts";
import { ScreenedStdioTransport } from "./stdio/screened-transport.ts";

/** One client on stdin/stdout; the process ends when that client goes away. */
export async function serveStdio(deps: ServerDeps, closeStore: () => void): Promise<Logger> {
  const { server, logger } = createServer(deps);
  installExitWatchdog({
    stdin: process.stdin,
    stdout: process.stdout,
    process,
    logger,
    shutdown: async () => {
      await server.close();
      closeStore();
    },
  });
  await server.connect(new ScreenedStdioTransport({ stdin: process.stdin, stdout: process.stdout, logger }));
  return logger;
}
