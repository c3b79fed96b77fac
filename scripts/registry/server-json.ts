// The server.json to publish with a release: the checked-in one (the npm package) plus one MCPB package per
// bundle in the release folder, each with its download URL and SHA-256, which the registry requires.
//   node scripts/registry/server-json.ts <release folder> <download URL base>
// e.g. dist/release https://github.com/OWNER/copydesk/releases/download/v0.1.0 writes dist/release/server.json.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ServerJson {
  readonly version: string;
  readonly packages: readonly Record<string, unknown>[];
  readonly [key: string]: unknown;
}

export function withReleaseBundles(
  base: ServerJson,
  bundles: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  downloadBase: string,
): ServerJson {
  const mcpb = bundles
    .filter((bundle) => bundle.name.endsWith(".mcpb") && bundle.name.includes(`-${base.version}-`))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((bundle) => ({
      registryType: "mcpb",
      identifier: `${downloadBase.replace(/\/+$/, "")}/${bundle.name}`,
      version: base.version,
      fileSha256: createHash("sha256").update(bundle.bytes).digest("hex"),
      transport: { type: "stdio" },
    }));
  return { ...base, packages: [...base.packages.filter((p) => p.registryType !== "mcpb"), ...mcpb] };
}

if (import.meta.main) {
  const [releaseDir, downloadBase] = process.argv.slice(2);
  if (!releaseDir || !downloadBase) {
    process.stderr.write(
      "usage: node scripts/registry/server-json.ts <release folder> <download URL base>\n",
    );
    process.exit(2);
  }
  const base = JSON.parse(readFileSync("server.json", "utf8")) as ServerJson;
  const bundles = readdirSync(releaseDir).map((name) => ({
    name,
    bytes: readFileSync(join(releaseDir, name)),
  }));
  const result = withReleaseBundles(base, bundles, downloadBase);
  writeFileSync(join(releaseDir, "server.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`wrote ${join(releaseDir, "server.json")} with ${result.packages.length} packages\n`);
}
