import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { asciiSource } from "./ascii-source.ts";
import { buildViews } from "./views.ts";

export interface BundleOptions {
  /** With `snapshot`, a module exporting `start()`; otherwise the script to run. */
  readonly entry: string;
  readonly outfile: string;
  /**
   * Makes the main of a V8 startup snapshot: the build evaluates the whole bundle once (the SDK, zod,
   * every module) and the executable only deserialises that heap and calls `start()`. Snapshots take
   * CommonJS, and nothing may read the environment, arguments or stdin at module level.
   */
  readonly snapshot?: boolean;
  /**
   * With `snapshot`, the entry also exports `prepareSnapshot()`, run once while the snapshot is built so
   * that what it makes ready (compiled parsers, validators) is in the snapshot, not redone on every start.
   */
  readonly prepare?: boolean;
}

/**
 * zod exports its error messages in ~60 languages (`z.locales`, 300 KB of the bundle) and uses English
 * unless told otherwise; copydesk never selects another. Bundled, all of them were source the V8 startup
 * snapshot carries and every start loads: only English is kept.
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

/** Bundles a program and every dependency into one file that imports only node: built-ins. */
export async function bundle({
  entry,
  outfile,
  snapshot = false,
  prepare = false,
}: BundleOptions): Promise<void> {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  // The MCP Apps views, built first and inlined as strings: they travel in the bundle and the snapshot.
  const views = await buildViews();
  const entryPoint = snapshot
    ? {
        stdin: {
          // Targets whose blob cannot be built on them (macOS, Windows) run the same file without a snapshot.
          contents: `import { startupSnapshot } from "node:v8";
import { start${prepare ? ", prepareSnapshot" : ""} } from "./${basename(entry)}";
if (startupSnapshot.isBuildingSnapshot()) {
  // The snapshot is taken once the event loop is empty, so an asynchronous preparation finishes first.
  ${prepare ? "prepareSnapshot().catch((error) => { process.exitCode = 1; throw error; });" : ""}
  startupSnapshot.setDeserializeMainFunction(start);
} else start();`,
          resolveDir: resolve(dirname(entry)),
          sourcefile: `${basename(entry)}.snapshot-main.ts`,
          loader: "ts" as const,
        },
      }
    : { entryPoints: [entry] };
  await build({
    ...entryPoint,
    outfile,
    bundle: true,
    platform: "node",
    format: snapshot ? "cjs" : "esm",
    target: "node26",
    legalComments: "none",
    minifySyntax: true,
    // No comments or indentation: V8 keeps the whole source in memory (and in the startup snapshot) for
    // lazy compilation, so every byte of it costs at each start. Names stay, for readable stack traces.
    minifyWhitespace: true,
    define: { COPYDESK_VERSION: JSON.stringify(version), COPYDESK_VIEWS: JSON.stringify(views) },
    // jsonc-parser's "main" is a UMD build whose factory receives `require` as a parameter, which esbuild
    // cannot follow (the bundle threw "Dynamic require of ./impl/format" at start-up); its ESM build bundles.
    alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
    plugins: [zodEnglishOnly],
    logLevel: "warning",
  });
  writeFileSync(outfile, asciiSource(readFileSync(outfile, "utf8")));
}
