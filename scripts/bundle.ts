import { readFileSync } from "node:fs";
import { build } from "esbuild";

export interface BundleOptions {
  readonly entry: string;
  readonly outfile: string;
}

/** Bundles the server and every dependency into one ESM file that imports only node: built-ins. */
export async function bundle({ entry, outfile }: BundleOptions): Promise<void> {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node26",
    legalComments: "none",
    minifySyntax: true,
    define: { COPYDESK_VERSION: JSON.stringify(version) },
    // jsonc-parser's "main" is a UMD build whose factory receives `require` as a parameter, which esbuild
    // cannot follow (the bundle threw "Dynamic require of ./impl/format" at start-up); its ESM build bundles.
    alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
    logLevel: "warning",
  });
}
