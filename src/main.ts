#!/usr/bin/env node
import { randomUUID } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { helpText } from "./cli/help.ts";
import { parseCommandLine } from "./cli/parse-args.ts";
import { UsageError } from "./cli/usage-error.ts";
import { stderrSink } from "./log/logger.ts";
import type { ServerDeps } from "./server.ts";
import { defaultDataDir } from "./store/data-dir.ts";
import { lazyStore } from "./store/lazy-store.ts";
import { openSqliteStore } from "./store/sqlite-store.ts";
import { serveHttp } from "./transports/http.ts";
import { serveStdio } from "./transports/stdio.ts";
import { VERSION } from "./version.ts";

async function main(): Promise<number | undefined> {
  const env = process.env;
  const platformDataDir = defaultDataDir({ platform: process.platform, env, homedir: homedir() });
  const command = parseCommandLine(process.argv.slice(2), { env, defaultDataDir: platformDataDir });
  if (command.kind === "help") {
    process.stdout.write(helpText(VERSION, env.COPYDESK_DATA_DIR || platformDataDir));
    return 0;
  }
  if (command.kind === "version") {
    process.stdout.write(`copydesk ${VERSION}\n`);
    return 0;
  }

  const { config } = command;
  const databasePath = join(config.dataDir, "copydesk.db");
  const store = lazyStore(databasePath, () =>
    openSqliteStore({ path: databasePath, now: () => new Date(), newId: randomUUID }),
  );
  const deps: ServerDeps = {
    store: store.get,
    sampling: config.sampling,
    logSinks: [stderrSink(config.logLevel)],
  };
  const logger = config.http
    ? await serveHttp(config.http, deps, store.close)
    : await serveStdio(deps, store.close);
  logger.debug(`copydesk ${VERSION} serving on ${config.http ? "HTTP" : "stdio"}; database ${databasePath}`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`copydesk: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof Error && error.name === "ListenError") {
      // Matched by name: importing the class would load the HTTP code on every stdio start.
      process.stderr.write(`copydesk: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `copydesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
