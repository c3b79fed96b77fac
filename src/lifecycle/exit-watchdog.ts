import type { Logger } from "../log/logger.ts";

export interface ExitWatchdogOptions {
  /** Omitted over HTTP: such a server may run detached, with stdin closed from the start. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly process: Pick<NodeJS.Process, "on" | "exit">;
  readonly logger: Logger;
  /** Closes the server and the database; must not hang, but the watchdog does not rely on that. */
  readonly shutdown: () => Promise<void>;
  /** After this long the process exits whatever shutdown is doing. */
  readonly graceMs?: number;
}

/**
 * The SDK's stdio transport ignores the end of stdin (typescript-sdk #2002), so a server whose client
 * went away would live on, holding its database. Exit on stdin end or close, SIGINT and SIGTERM, even
 * with sampling requests pending. Over HTTP only the signals count.
 */
export function installExitWatchdog({
  stdin,
  process,
  logger,
  shutdown,
  graceMs = 2000,
}: ExitWatchdogOptions): void {
  let exiting = false;
  const exit = (reason: string, code: number) => {
    if (exiting) return;
    exiting = true;
    logger.debug(`Exiting: ${reason}`);
    setTimeout(() => process.exit(code), graceMs).unref();
    shutdown().then(
      () => process.exit(code),
      () => process.exit(code),
    );
  };
  stdin?.on("end", () => exit("stdin ended", 0));
  stdin?.on("close", () => exit("stdin closed", 0));
  process.on("SIGINT", () => exit("SIGINT", 0));
  process.on("SIGTERM", () => exit("SIGTERM", 0));
}
