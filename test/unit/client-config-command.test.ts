import assert from "node:assert/strict";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, before, beforeEach, describe, it } from "node:test";
import { CLIENTS, type Where } from "../../src/cli/client-config/clients.ts";
import { type ConfigDeps, runConfigCommand } from "../../src/cli/client-config/command.ts";
import { jsoncLibrary } from "../../src/cli/client-config/merge.ts";
import { claudeMcpAddCommand, shellQuote } from "../../src/cli/client-config/snippet.ts";

before(() => jsoncLibrary.load());

function where(platform: NodeJS.Platform, extra: Partial<Where> = {}): Where {
  const home = platform === "win32" ? "C:\\Users\\ada" : platform === "darwin" ? "/Users/ada" : "/home/ada";
  const env = platform === "win32" ? { APPDATA: "C:\\Users\\ada\\AppData\\Roaming" } : {};
  return {
    platform,
    env,
    homedir: home,
    cwd: platform === "win32" ? "C:\\src\\shop" : "/src/shop",
    workspace: false,
    ...extra,
  };
}

describe("config file locations", () => {
  const cases: [string, Where, string | undefined][] = [
    ["vscode", where("linux"), "/home/ada/.config/Code/User/mcp.json"],
    ["vscode", where("linux", { env: { XDG_CONFIG_HOME: "/xdg" } }), "/xdg/Code/User/mcp.json"],
    ["vscode", where("darwin"), "/Users/ada/Library/Application Support/Code/User/mcp.json"],
    ["vscode", where("win32"), "C:\\Users\\ada\\AppData\\Roaming\\Code\\User\\mcp.json"],
    ["vscode", where("linux", { workspace: true }), "/src/shop/.vscode/mcp.json"],
    [
      "claude-desktop",
      where("darwin"),
      "/Users/ada/Library/Application Support/Claude/claude_desktop_config.json",
    ],
    [
      "claude-desktop",
      where("win32"),
      "C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json",
    ],
    [
      "claude-desktop",
      where("win32", {
        env: { APPDATA: "C:\\Users\\ada\\AppData\\Roaming", LOCALAPPDATA: "D:\\Local" },
        listDir: (path) => (path === "D:\\Local\\Packages" ? ["Microsoft.X_1", "Claude_pzs8sxrjxfjjc"] : []),
      }),
      "D:\\Local\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json",
    ],
    ["claude-desktop", where("linux"), undefined],
    ["cursor", where("linux"), "/home/ada/.cursor/mcp.json"],
    ["cursor", where("win32"), "C:\\Users\\ada\\.cursor\\mcp.json"],
    ["cursor", where("darwin", { workspace: true }), "/src/shop/.cursor/mcp.json"],
    ["claude-code", where("darwin"), "/Users/ada/.claude.json"],
    ["claude-code", where("linux", { workspace: true }), "/src/shop/.mcp.json"],
  ];
  for (const [client, at, expected] of cases) {
    it(`${client} on ${at.platform}${at.workspace ? " (workspace)" : ""}`, () => {
      assert.equal(CLIENTS[client as keyof typeof CLIENTS].location(at).path, expected);
    });
  }
});

describe("claude mcp add command", () => {
  it("puts the name before the variadic -e and quotes for the shell", () => {
    const launch = {
      command: "/Apps/My Tools/copydesk",
      args: ["--model-hint", "claude-sonnet"],
      env: { A: "x y" },
    };
    assert.equal(
      claudeMcpAddCommand(launch, "user", "darwin"),
      "claude mcp add copydesk --scope user -e 'A=x y' -- '/Apps/My Tools/copydesk' --model-hint claude-sonnet",
    );
    assert.equal(shellQuote("C:\\Program Files\\copydesk.exe", "win32"), '"C:\\Program Files\\copydesk.exe"');
    assert.equal(shellQuote("C:\\tools\\copydesk.exe", "win32"), "C:\\tools\\copydesk.exe");
    assert.equal(shellQuote("it's", "linux"), `'it'\\''s'`);
  });
});

describe("runConfigCommand", () => {
  let dir: string;
  let out: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-config-"));
    out = "";
    err = "";
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(argv: string[], extra: Partial<ConfigDeps> = {}): number {
    return runConfigCommand(argv, {
      execPath: "/opt/copydesk/copydesk",
      platform: "linux",
      env: {},
      homedir: join(dir, "home"),
      cwd: join(dir, "project"),
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      now: () => new Date("2026-11-24T04:30:00.123Z"),
      ...extra,
    });
  }

  it("prints the snippet with the executable, the server options after --, and --env", () => {
    assert.equal(run(["vscode", "--env", "COPYDESK_LOG_LEVEL=debug", "--", "--model-hint", "gpt-5"]), 0);
    const [first, ...rest] = out.split("\n");
    assert.match(first ?? "", /home\/\.config\/Code\/User\/mcp\.json/);
    assert.deepEqual(JSON.parse(rest.join("\n")), {
      servers: {
        copydesk: {
          type: "stdio",
          command: "/opt/copydesk/copydesk",
          args: ["--model-hint", "gpt-5"],
          env: { COPYDESK_LOG_LEVEL: "debug" },
        },
      },
    });
    assert.equal(err, "");
  });

  it("starts node with the script when copydesk is not a single executable", () => {
    assert.equal(run(["cursor"], { execPath: "/usr/bin/node", script: "dist/copydesk.mjs" }), 0);
    const json = JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1));
    assert.deepEqual(json.mcpServers.copydesk, {
      command: "/usr/bin/node",
      args: [join(dir, "project", "dist/copydesk.mjs")],
    });
    assert.match(out, /Cursor does not answer MCP sampling/);
  });

  it("pins the Node that runs it only when copydesk supports that Node", () => {
    const npm = { execPath: "/usr/bin/node", script: "dist/copydesk.mjs" };
    assert.equal(run(["vscode"], { ...npm, nodeVersion: "v20.20.2" }), 2);
    assert.equal(out, "");
    assert.match(err, /this Node \(v20\.20\.2\) cannot run copydesk.*22\.13 or later.*single executable/);
    err = "";
    assert.equal(run(["vscode"], { ...npm, nodeVersion: "v22.13.0" }), 0);
    assert.match(out, /"command": "\/usr\/bin\/node"/);
    // The single executable carries its own Node: the Node version does not matter there.
    out = "";
    assert.equal(run(["vscode"], { nodeVersion: "v20.20.2" }), 0);
    assert.match(out, /"command": "\/opt\/copydesk\/copydesk"/);
  });

  it("makes a relative --data-dir absolute: the client starts copydesk from its own folder", () => {
    assert.equal(run(["claude-code", "--", "--data-dir", "data", "--data-dir=d2"]), 0);
    assert.ok(
      out.includes(
        `-- /opt/copydesk/copydesk --data-dir ${join(dir, "project", "data")} --data-dir=${join(dir, "project", "d2")}`,
      ),
    );
  });

  it("--write creates the file and its folders", () => {
    assert.equal(run(["cursor", "--write"]), 0);
    const file = join(dir, "home", ".cursor", "mcp.json");
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), {
      mcpServers: { copydesk: { command: "/opt/copydesk/copydesk", args: [] } },
    });
    assert.match(out, /Added "copydesk" to "mcpServers" in .*\(new file\)/);
    assert.deepEqual(readdirSync(join(dir, "home", ".cursor")), ["mcp.json"], "no backup, no temporary file");
  });

  it("--write replaces a different copydesk entry, keeps a backup and hides secret values", () => {
    const file = join(dir, "claude_desktop_config.json");
    const before = `${JSON.stringify({ mcpServers: { copydesk: { command: "/old", env: { COPYDESK_PROVIDER_API_KEY: "sk-secret" } }, other: { command: "o" } }, theme: "dark" }, null, 2)}\n`;
    writeFileSync(file, before, { mode: 0o600 });
    assert.equal(run(["claude-desktop", "--write", "--path", file]), 0);
    const after = JSON.parse(readFileSync(file, "utf8"));
    assert.deepEqual(after.mcpServers.copydesk, { command: "/opt/copydesk/copydesk", args: [] });
    assert.deepEqual(after.mcpServers.other, { command: "o" });
    assert.equal(after.theme, "dark");
    assert.equal(readFileSync(`${file}.bak-20261124T043000Z`, "utf8"), before);
    assert.equal(statSync(file).mode & 0o777, 0o600, "keeps the file's permissions");
    assert.match(out, /Replaced the existing "copydesk" entry/);
    assert.match(out, /<hidden>/);
    assert.doesNotMatch(out, /sk-secret/);
    // A second run changes nothing and makes no second backup.
    out = "";
    assert.equal(run(["claude-desktop", "--write", "--path", file]), 0);
    assert.match(out, /nothing changed/);
    assert.equal(readdirSync(dir).length, 2);
  });

  it("refuses secrets after --, pointing at --env, and hides them in a replaced entry's arguments", () => {
    assert.equal(run(["vscode", "--", "--provider", "openai", "--provider-api-key", "sk-typed"]), 2);
    assert.match(err, /--env COPYDESK_PROVIDER_API_KEY=\.\.\. instead of --provider-api-key/);
    assert.doesNotMatch(out + err, /sk-typed/);
    err = "";
    assert.equal(run(["vscode", "--", "--http", "--http-token=tok-typed"]), 2);
    assert.doesNotMatch(out + err, /tok-typed/);

    const file = join(dir, "mcp.json");
    const old = { command: "/old", args: ["--provider-api-key", "sk-old", "--http-token=tok-old"] };
    writeFileSync(file, JSON.stringify({ servers: { copydesk: old } }));
    assert.equal(run(["vscode", "--write", "--path", file]), 0);
    assert.match(out, /It was: .*"--provider-api-key","<hidden>","--http-token=<hidden>"/);
    assert.doesNotMatch(out, /sk-old|tok-old/);
  });

  it("checks the server options with the environment the entry gives it", () => {
    const provider = ["--", "--provider", "anthropic", "--provider-model", "claude-sonnet-4-5"];
    assert.equal(run(["cursor", "--env", "ANTHROPIC_API_KEY=sk-ant", ...provider]), 0, err);
    assert.equal(run(["cursor", ...provider]), 2, "no key anywhere: the server could never start");
    assert.match(err, /needs an API key/);
  });

  it("--write refuses a file it cannot parse and leaves it untouched", () => {
    const file = join(dir, "mcp.json");
    writeFileSync(file, '{ "servers": { "a": ');
    assert.equal(run(["vscode", "--write", "--path", file]), 1);
    assert.equal(readFileSync(file, "utf8"), '{ "servers": { "a": ');
    assert.deepEqual(readdirSync(dir), ["mcp.json"]);
    assert.match(
      err,
      /^copydesk: cannot update .*mcp\.json: not valid JSONC: .* at line 1, column \d+; left it untouched\n$/,
    );
    assert.equal(out, "");
  });

  it("--write through a symlink edits the linked file and keeps the link", () => {
    mkdirSync(join(dir, "dotfiles"));
    const real = join(dir, "dotfiles", "mcp.json");
    writeFileSync(real, '{ "mcpServers": {} }\n');
    const link = join(dir, "mcp.json");
    symlinkSync(real, link);
    assert.equal(run(["cursor", "--write", "--path", link]), 0);
    assert.ok(JSON.parse(readFileSync(real, "utf8")).mcpServers.copydesk);
    assert.ok(lstatSync(link).isSymbolicLink(), "the link is still a link");
  });

  it("claude-code: prints the claude command; --write only for the project file", () => {
    assert.equal(run(["claude-code", "--", "--sampling-timeout", "10m"]), 0);
    assert.match(
      out,
      /^claude mcp add copydesk --scope user -- \/opt\/copydesk\/copydesk --sampling-timeout 10m$/m,
    );
    assert.equal(run(["claude-code", "--write"]), 2);
    assert.match(
      err,
      /^copydesk: config claude-code --write: not writing .*\.claude\.json.*claude mcp add copydesk/,
    );
    assert.equal(err.split("\n").length, 2, "one line");
    assert.equal(run(["claude-code", "--write", "--workspace"]), 0);
    const project = JSON.parse(readFileSync(join(dir, "project", ".mcp.json"), "utf8"));
    assert.deepEqual(project.mcpServers.copydesk, {
      type: "stdio",
      command: "/opt/copydesk/copydesk",
      args: [],
    });
  });

  for (const argv of [
    [],
    ["emacs"],
    ["vscode", "cursor"],
    ["vscode", "--frobnicate"],
    ["vscode", "--env", "NOEQUALS"],
    ["vscode", "--", "--model-hnt", "x"],
    ["vscode", "--", "--help"],
    ["claude-desktop", "--write"],
  ]) {
    it(`usage error, one line, exit 2: ${argv.join(" ")}`, () => {
      assert.equal(run(argv), 2);
      assert.match(err, /^copydesk: [^\n]+\n$/);
      assert.equal(out, "");
    });
  }

  it("--help", () => {
    assert.equal(run(["--help"]), 0);
    for (const word of [
      "Usage: copydesk config",
      "--write",
      "--path",
      "--workspace",
      "--env",
      "claude-desktop",
    ]) {
      assert.ok(out.includes(word), word);
    }
  });

  it("-h is --help, as for every other command", () => {
    assert.equal(run(["-h"]), 0);
    assert.match(out, /^Usage: copydesk config <client>/);
  });
});
