import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { build } from "esbuild";
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
}

/** Bundles a program and every dependency into one file that imports only node: built-ins. */
export async function bundle({ entry, outfile, snapshot = false }: BundleOptions): Promise<void> {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  // The MCP Apps views, built first and inlined as strings: they travel in the bundle and the snapshot.
  const views = await buildViews();
  const entryPoint = snapshot
    ? {
        stdin: {
          // Targets whose blob cannot be built on them (macOS, Windows) run the same file without a snapshot.
          contents: `import { startupSnapshot } from "node:v8";
import { start } from "./${basename(entry)}";
if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(start);
else start();`,
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
    define: { COPYDESK_VERSION: JSON.stringify(version), COPYDESK_VIEWS: JSON.stringify(views) },
    // jsonc-parser's "main" is a UMD build whose factory receives `require` as a parameter, which esbuild
    // cannot follow (the bundle threw "Dynamic require of ./impl/format" at start-up); its ESM build bundles.
    alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
    logLevel: "warning",
  });
}
