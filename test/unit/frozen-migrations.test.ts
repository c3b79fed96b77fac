import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { it } from "node:test";
import { build } from "esbuild";

const MIGRATIONS_DIR = "src/store/migrations";

/**
 * The source files a bundle of these entries pulls in, as esbuild resolves them: npm packages and node:*
 * stay outside, and a type-only import is dropped, as it is at run time.
 */
async function bundledSources(entries: readonly string[]): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir: "unused",
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs).map((path) => relative(".", resolve(path)));
}

it("the migrations load nothing outside src/store/migrations but npm packages, so live code cannot change them", async () => {
  const entries = [
    "src/store/migrations.ts",
    ...readdirSync(MIGRATIONS_DIR)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => join(MIGRATIONS_DIR, name)),
  ];
  assert.ok(entries.length >= 4, "found the migration files");
  const sources = await bundledSources(entries);
  assert.ok(sources.includes(join(MIGRATIONS_DIR, "3-generic-records.ts")), sources.join(", "));
  const outside = sources.filter(
    (path) => path !== "src/store/migrations.ts" && !path.startsWith(`${MIGRATIONS_DIR}/`),
  );
  assert.deepEqual(outside, []);
});

it("the check sees a live import of code outside, and not a type-only one", async () => {
  const { metafile } = await build({
    stdin: {
      contents: [
        'import type { Check } from "../../checks/types.ts";',
        'import { toChunks } from "../../formats/row-chunks.ts";',
        "export const step = (checks: Check[]) => toChunks([]).length + checks.length;",
      ].join("\n"),
      resolveDir: MIGRATIONS_DIR,
      loader: "ts",
    },
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  const sources = Object.keys(metafile.inputs);
  assert.ok(sources.includes("src/formats/row-chunks.ts"), sources.join(", "));
  assert.ok(!sources.includes("src/checks/types.ts"), sources.join(", "));
});
