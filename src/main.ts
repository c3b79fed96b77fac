import { homedir } from "node:os";
import { join } from "node:path";
import { isCatalogCommand, runCatalogCommand } from "./cli/catalog/command.ts";
import { runConfigCommand } from "./cli/client-config/command.ts";
import { jsoncLibrary } from "./cli/client-config/merge.ts";
import { helpText } from "./cli/help.ts";
import { parseCommandLine } from "./cli/parse-args.ts";
import { reportUsageError, UsageError } from "./cli/usage-error.ts";
import { defaultImageLoader } from "./images/default-loader.ts";
import { serverSideModel } from "./llm/server-side-model.ts";
import { PROMPTS } from "./mcp/prompts/index.ts";
import type { ServerDeps } from "./mcp/server.ts";
import { TOOLS } from "./mcp/tools/all/index.ts";
import { ListenError } from "./mcp/transports/http/server.ts";
import { serveHttp } from "./mcp/transports/http.ts";
import { warmUpScreen } from "./mcp/transports/stdio/warm-up.ts";
import { serveStdio } from "./mcp/transports/stdio.ts";
import { defaultDataDir } from "./platform/data-dir.ts";
import { escapeControlCharacters } from "./platform/escape.ts";
import { flushCompiledCodeFromSnapshot } from "./platform/flush-compiled-code.ts";
import { createLogger, stderrSink } from "./platform/logger.ts";
import { preferSpeedOverSize } from "./platform/speed-over-size.ts";
import { VERSION } from "./platform/version.ts";
import { lazyStore } from "./store/lazy-store.ts";
import { newRecordId } from "./store/record-id.ts";
import { openSqliteStore } from "./store/sqlite-store.ts";
import { warmUpServer } from "./warm-up-server.ts";

/** Runs once while the V8 startup snapshot is built (scripts/bundle.ts `prepare`), never at run time. */
export async function prepareSnapshot(): Promise<void> {
  warmUpScreen();
  await warmUpServer({ sampling: { timeoutMs: 1000, modelPreferences: {} } });
  // What the warm-ups leave is kept (zod's generated parsers, the tools' JSON Schemas); their bytecode is not.
  flushCompiledCodeFromSnapshot();
}

async function main(): Promise<number | undefined> {
  const env = process.env;
  if (process.argv[2] === "config") {
    await jsoncLibrary.load();
    // Client set-up: prints or writes a config entry; no server, store or transport is made.
    return runConfigCommand(process.argv.slice(3), {
      execPath: process.execPath,
      // Run as `node copydesk.mjs`, the client must start node with that script; the SEA is self-contained.
      // node:sea is looked up only here: a static import would stop an old Node before the npm entry's
      // version check could say anything.
      ...(process.getBuiltinModule("node:sea").isSea() || process.argv[1] === undefined
        ? {}
        : { script: process.argv[1] }),
      nodeVersion: process.version,
      platform: process.platform,
      env,
      homedir: homedir(),
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  const platformDataDir = defaultDataDir({ platform: process.platform, env, homedir: homedir() });
  const subcommand = process.argv[2];
  if (isCatalogCommand(subcommand)) {
    // A catalog at a time from a shell: no server and no transport; stdout is the user's here.
    preferSpeedOverSize();
    return runCatalogCommand(subcommand, process.argv.slice(3), {
      env,
      defaultDataDir: platformDataDir,
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      onInterrupt: (handler) => {
        process.on("SIGINT", handler);
        return () => process.off("SIGINT", handler);
      },
    });
  }
  const command = parseCommandLine(process.argv.slice(2), { env, defaultDataDir: platformDataDir });
  if (command.type === "help") {
    process.stdout.write(helpText(VERSION, command.dataDir, { tools: TOOLS, prompts: PROMPTS }));
    return 0;
  }
  if (command.type === "version") {
    process.stdout.write(`copydesk ${VERSION}\n`);
    return 0;
  }

  const { config } = command;
  const databasePath = join(config.dataDir, "copydesk.db");
  const store = lazyStore(databasePath, () =>
    openSqliteStore({ path: databasePath, now: () => new Date(), newId: newRecordId }),
  );
  const logSinks = [stderrSink(config.logLevel)];
  const deps: ServerDeps = {
    store: store.get,
    sampling: config.sampling,
    provider: config.provider && serverSideModel(config.provider, createLogger(logSinks)),
    logSinks,
    // Over HTTP a path would name a file on the server, readable by any remote caller: URLs only, and
    // not to this network's own servers unless allowed. On stdio the user is local and may read both.
    loadImage: defaultImageLoader({
      localFiles: !config.http,
      privateAddresses: !config.http || config.http.allowPrivateImages,
    }),
    localFiles: !config.http,
    language: config.language,
  };
  const logger = config.http
    ? await serveHttp(config.http, deps, store.close)
    : await serveStdio(deps, store.close);
  logger.debug(`copydesk ${VERSION} serving on ${config.http ? "HTTP" : "stdio"}; database ${databasePath}`);
  return undefined;
}

/** Runs copydesk with this process's arguments; exits through process.exitCode or the watchdog. */
export function start(): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.exitCode = reportUsageError(error, process.stderr);
      } else if (error instanceof ListenError) {
        process.stderr.write(`copydesk: ${escapeControlCharacters(error.message)}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(
          `copydesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exitCode = 1;
      }
    },
  );
}
