import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { RawSession } from "../support/raw-session.ts";
import { EXECUTABLE, NO_NODE_PATH, tempDataDir } from "../support/server-process.ts";

const run = promisify(execFile);

/** Starts a session whose create_blog call is waiting on a sampling request nobody answers. */
async function sessionWithPendingSampling(dataDir: string): Promise<RawSession> {
  const session = new RawSession(["--data-dir", dataDir]);
  await session.initialize({ sampling: {} });
  session.send({
    id: 99,
    method: "tools/call",
    params: { name: "create_blog", arguments: { title: "T", content: "C" } },
  });
  await session.waitFor((m) => m.method === "sampling/createMessage");
  return session;
}

describe("the process ends when its client goes away, even with sampling pending", () => {
  for (const [how, end] of [
    ["stdin ends", (s: RawSession) => s.child.stdin.end()],
    ["SIGTERM", (s: RawSession) => s.child.kill("SIGTERM")],
    ["SIGINT", (s: RawSession) => s.child.kill("SIGINT")],
  ] as const) {
    it(how, async () => {
      const dataDir = tempDataDir();
      const session = await sessionWithPendingSampling(dataDir);
      try {
        end(session);
        // A clean exit of its own, not a death by signal.
        assert.deepEqual(await session.exited(), { code: 0, signal: null });
      } finally {
        session.child.kill("SIGKILL");
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe("a client that sends its requests and closes stdin", () => {
  it("gets every answer whole before the process exits (tools/list is over 64 KB, a pipe's size)", async () => {
    const dataDir = tempDataDir();
    try {
      const lines = [
        {
          id: 1,
          method: "initialize",
          params: {
            protocolVersion: "2025-06-18",
            capabilities: {},
            clientInfo: { name: "t", version: "1" },
          },
        },
        { method: "notifications/initialized" },
        { id: 2, method: "tools/list" },
      ];
      // A client that reads half a second after closing stdin, as a shell pipe does: copydesk must wait
      // for the pipe (64 KB) to drain instead of exiting with the rest of the answer still queued.
      const child = spawn(
        "/bin/sh",
        ["-c", '"$0" --data-dir "$1" | (/bin/sleep 0.5; /bin/cat)', EXECUTABLE, dataDir],
        { env: { PATH: NO_NODE_PATH }, stdio: ["pipe", "pipe", "ignore"] },
      );
      child.stdout.setEncoding("utf8");
      let output = "";
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      child.stdin.end(lines.map((line) => `${JSON.stringify({ jsonrpc: "2.0", ...line })}\n`).join(""));
      assert.equal(await exited, 0);
      const answers = output
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as { id?: number; result?: { tools?: unknown[] } });
      const listed = answers.find((answer) => answer.id === 2);
      assert.ok((listed?.result?.tools?.length ?? 0) > 20, "tools/list was answered whole");
      assert.ok(JSON.stringify(listed).length > 64 * 1024);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("command line", () => {
  it("--help explains usage, options and variables on stdout", async () => {
    const { stdout, stderr } = await run(EXECUTABLE, ["--help"], {
      env: { PATH: NO_NODE_PATH, HOME: "/nonexistent" },
    });
    for (const expected of [
      "Usage: copydesk",
      "--data-dir",
      "COPYDESK_DATA_DIR",
      "--sampling-timeout",
      "--model-hint",
      "create_blog",
    ]) {
      assert.ok(stdout.includes(expected), `--help lacks ${expected}`);
    }
    assert.equal(stderr, "");
  });

  it("--version prints the package version", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    const { stdout } = await run(EXECUTABLE, ["--version"]);
    assert.equal(stdout, `copydesk ${version}\n`);
  });

  for (const args of [
    ["--frobnicate"],
    ["--sampling-timeout", "soon"],
    ["--cost-priority", "2"],
    ["--log-level", "loud"],
    ["stray"],
  ]) {
    it(`a usage error is one line on stderr and exit 2: ${args.join(" ")}`, async () => {
      const error = await run(EXECUTABLE, args).then(
        () => assert.fail("expected a non-zero exit"),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      assert.equal(error.code, 2);
      assert.equal(error.stdout, "");
      assert.match(error.stderr, /^copydesk: .+\n$/);
    });
  }
});

describe("the npm package's bundle", () => {
  it("serves the same tools when run with node", async () => {
    const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
    const { StdioClientTransport } = await import("@modelcontextprotocol/sdk/client/stdio.js");
    const dataDir = tempDataDir();
    const client = new Client({ name: "npm-bundle-test", version: "1.0.0" });
    try {
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: ["dist/copydesk.mjs", "--data-dir", dataDir],
        }),
      );
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === "create_product"));
    } finally {
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
