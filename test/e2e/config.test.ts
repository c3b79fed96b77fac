import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { parse } from "jsonc-parser";
import { EXECUTABLE, NO_NODE_PATH } from "../support/server-process.ts";

const run = promisify(execFile);

interface Failure {
  code: number;
  stdout: string;
  stderr: string;
}

function fails(args: string[], options: { cwd?: string } = {}): Promise<Failure> {
  return run(EXECUTABLE, args, options).then(
    () => assert.fail("expected a non-zero exit"),
    (error: Failure) => error,
  );
}

const USER_FILE = `{
  // My servers. Keep the comments!
  "servers": {
    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }, // trailing comma next
  },
  "inputs": [],
}
`;

describe("copydesk config, through the built executable", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-config-e2e-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("--write merges into a VS Code mcp.json, keeps a backup, and the entry starts a working server", async () => {
    const file = join(dir, "mcp.json");
    writeFileSync(file, USER_FILE);
    const dataDir = join(dir, "data");
    // Run from another folder: the entry must not depend on where `config` ran.
    const { stdout, stderr } = await run(
      EXECUTABLE,
      [
        "config",
        "vscode",
        "--write",
        "--path",
        file,
        "--",
        "--data-dir",
        dataDir,
        "--model-hint",
        "claude-sonnet",
      ],
      { cwd: tmpdir() },
    );
    assert.equal(stderr, "");
    assert.match(stdout, /^Added "copydesk" to "servers" in .*mcp\.json\.$/m);

    const text = readFileSync(file, "utf8");
    for (const kept of ["// My servers. Keep the comments!", "// trailing comma next", '"inputs": [],']) {
      assert.ok(text.includes(kept), `lost ${kept}`);
    }
    const errors: unknown[] = [];
    const config = parse(text, errors as never, { allowTrailingComma: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.servers.memory, {
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-memory"],
    });
    const entry = config.servers.copydesk as { type: string; command: string; args: string[] };
    assert.deepEqual(entry, {
      type: "stdio",
      command: EXECUTABLE,
      args: ["--data-dir", dataDir, "--model-hint", "claude-sonnet"],
    });

    const backups = readdirSync(dir).filter((name) => name.startsWith("mcp.json.bak-"));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(join(dir, backups[0] ?? ""), "utf8"), USER_FILE);
    assert.ok(stdout.includes(join(dir, backups[0] ?? "")), "says where the backup is");

    // Start the server exactly as VS Code would from that entry, with a desktop client's small environment.
    const transport = new StdioClientTransport({
      command: entry.command,
      args: entry.args,
      env: { PATH: NO_NODE_PATH, HOME: dir },
      stderr: "pipe",
    });
    const client = new Client({ name: "config-e2e", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === "create_blog"));
      assert.equal(client.getServerVersion()?.name, "copydesk");
    } finally {
      await client.close();
    }
  });

  it("a second --write with the same settings changes nothing", async () => {
    const file = join(dir, "mcp.json");
    const before = readFileSync(file, "utf8");
    const count = readdirSync(dir).length;
    const { stdout } = await run(EXECUTABLE, [
      "config",
      "vscode",
      "--write",
      "--path",
      file,
      "--",
      "--data-dir",
      join(dir, "data"),
      "--model-hint",
      "claude-sonnet",
    ]);
    assert.match(stdout, /nothing changed/);
    assert.equal(readFileSync(file, "utf8"), before);
    assert.equal(readdirSync(dir).length, count, "no new backup");
  });

  it("refuses a file it cannot parse: exit 1, one line on stderr, file untouched", async () => {
    const file = join(dir, "claude_desktop_config.json");
    const broken = '{ "mcpServers": { "a": { "command": "a" } }, // comments are not JSON\n}\n';
    writeFileSync(file, broken);
    const error = await fails(["config", "claude-desktop", "--write", "--path", file]);
    assert.equal(error.code, 1);
    assert.equal(error.stdout, "");
    assert.match(
      error.stderr,
      /^copydesk: cannot update .*claude_desktop_config\.json: not valid JSON: .*untouched\n$/,
    );
    assert.equal(readFileSync(file, "utf8"), broken);
    assert.ok(!readdirSync(dir).some((name) => name.startsWith("claude_desktop_config.json.")));
  });

  it("prints a snippet naming this executable, and its file", async () => {
    const { stdout } = await run(EXECUTABLE, ["config", "cursor"], {
      env: { HOME: dir, PATH: NO_NODE_PATH },
    });
    const [first] = stdout.split("\n");
    assert.ok(first?.includes(join(dir, ".cursor", "mcp.json")), first ?? "");
    const json = JSON.parse(stdout.slice(stdout.indexOf("{"), stdout.lastIndexOf("}") + 1));
    assert.deepEqual(json, { mcpServers: { copydesk: { command: EXECUTABLE, args: [] } } });
  });

  it("config --help is on stdout, exit 0; usage errors are one line, exit 2", async () => {
    assert.match((await run(EXECUTABLE, ["--help"])).stdout, /copydesk config <vscode\|claude-desktop/);
    const { stdout, stderr } = await run(EXECUTABLE, ["config", "--help"]);
    assert.match(stdout, /^Usage: copydesk config <client>/);
    assert.equal(stderr, "");
    for (const args of [
      ["config"],
      ["config", "vim"],
      ["config", "vscode", "--", "--nope"],
      ["config", "claude-code", "--write"],
    ]) {
      const error = await fails(args, { cwd: dir });
      assert.equal(error.code, 2, args.join(" "));
      assert.equal(error.stdout, "");
      assert.match(error.stderr, /^copydesk: [^\n]+\n$/);
    }
  });
});
