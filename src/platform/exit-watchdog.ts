import type { Logger } from "./logger.ts";

export interface ExitWatchdogOptions {
  /** Omitted over HTTP: such a server may run detached, with stdin closed from the start. */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * The protocol's output, written out before the process exits: a pipe takes 64 KB at a time, and
   * process.exit() drops what is still queued (a client that sent tools/list and closed stdin got 72 KB
   * of a 106 KB answer).
   */
  readonly stdout?: Pick<NodeJS.WritableStream, "once"> & { readonly writableLength: number };
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
  stdout,
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
    const flushed = () => flush(stdout).then(() => process.exit(code));
    shutdown().then(flushed, flushed);
  };
  stdin?.on("end", () => exit("stdin ended", 0));
  stdin?.on("close", () => exit("stdin closed", 0));
  process.on("SIGINT", () => exit("SIGINT", 0));
  process.on("SIGTERM", () => exit("SIGTERM", 0));
}

/** Resolves once everything written to `stream` has been handed to the operating system. */
function flush(stream: ExitWatchdogOptions["stdout"]): Promise<void> {
  if (!stream || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once("drain", resolve);
    stream.once("error", resolve);
    stream.once("close", resolve);
  });
}
