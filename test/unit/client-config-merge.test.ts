import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parse } from "jsonc-parser";
import {
  detectFormatting,
  jsoncLibrary,
  mergeServerEntry,
  UnparsableConfigError,
} from "../../src/cli/client-config/merge.ts";

before(() => jsoncLibrary.load());

const entry = { type: "stdio", command: "/opt/copydesk/copydesk", args: ["--model-hint", "claude-sonnet"] };

const VSCODE_JSONC = `{
  // Servers I use every day.
  "servers": {
    "github": {
      "type": "http",
      "url": "https://api.githubcopilot.com/mcp/", // remote
    },
    /* the old one */
    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },
  },
  "inputs": [],
}
`;

function vscode(text: string) {
  return mergeServerEntry({ text, serversKey: "servers", name: "copydesk", entry, jsonc: true });
}

describe("mergeServerEntry", () => {
  it("adds the entry to a VS Code mcp.json and keeps comments, trailing commas and other servers", () => {
    const result = vscode(VSCODE_JSONC);
    assert.equal(result.status, "added");
    for (const kept of [
      "// Servers I use every day.",
      '"url": "https://api.githubcopilot.com/mcp/", // remote',
      "/* the old one */",
      '"memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },',
      '"inputs": [],',
    ]) {
      assert.ok(result.text.includes(kept), `lost: ${kept}\n${result.text}`);
    }
    const parsed = parse(result.text, [], { allowTrailingComma: true });
    assert.deepEqual(parsed.servers.copydesk, entry);
    assert.deepEqual(Object.keys(parsed.servers), ["copydesk", "github", "memory"]);
    assert.deepEqual(parsed.inputs, []);
    // Only lines were added: every original line is still there, in order.
    const lines = result.text.split("\n");
    let at = 0;
    for (const line of VSCODE_JSONC.split("\n")) {
      at = lines.indexOf(line, at);
      assert.notEqual(at, -1, `line changed or moved: ${line}`);
    }
  });

  it("replaces an existing copydesk entry and reports the old one", () => {
    const old = { command: "/old/copydesk", args: [] };
    const text = `{\n  "servers": {\n    "copydesk": ${JSON.stringify(old)}, // mine\n    "x": {"command": "x"}\n  }\n}\n`;
    const result = vscode(text);
    assert.equal(result.status, "replaced");
    assert.equal(result.status === "replaced" && JSON.stringify(result.previous), JSON.stringify(old));
    const parsed = parse(result.text);
    assert.deepEqual(parsed.servers.copydesk, entry);
    assert.deepEqual(parsed.servers.x, { command: "x" });
    assert.ok(result.text.includes("// mine"));
  });

  it("leaves an identical entry alone", () => {
    const once = vscode(VSCODE_JSONC).text;
    const twice = vscode(once);
    assert.equal(twice.status, "unchanged");
    assert.equal(twice.text, once);
  });

  it("creates the whole document for an empty or missing file", () => {
    for (const text of ["", "  \n"]) {
      const result = mergeServerEntry({
        text,
        serversKey: "mcpServers",
        name: "copydesk",
        entry,
        jsonc: false,
      });
      assert.equal(result.status, "added");
      assert.deepEqual(JSON.parse(result.text), { mcpServers: { copydesk: entry } });
      assert.ok(result.text.endsWith("}\n"));
    }
  });

  it("adds the servers object when the file has other settings only", () => {
    const text = '{\n    "globalShortcut": "Ctrl+Space"\n}\n';
    const result = mergeServerEntry({
      text,
      serversKey: "mcpServers",
      name: "copydesk",
      entry,
      jsonc: false,
    });
    const parsed = JSON.parse(result.text);
    assert.equal(parsed.globalShortcut, "Ctrl+Space");
    assert.deepEqual(parsed.mcpServers.copydesk, entry);
    assert.match(result.text, /\n {4}"mcpServers"/, "keeps the file's four-space indent");
  });

  it("keeps tabs, CRLF line ends and a byte order mark", () => {
    const text =
      '\uFEFF{\r\n\t"mcpServers": {\r\n\t\t"a": {\r\n\t\t\t"command": "a"\r\n\t\t}\r\n\t}\r\n}\r\n';
    const result = mergeServerEntry({
      text,
      serversKey: "mcpServers",
      name: "copydesk",
      entry,
      jsonc: false,
    });
    assert.ok(result.text.startsWith("\uFEFF{\r\n\t"));
    assert.ok(!/[^\r]\n/.test(result.text), "every line ends in CRLF");
    assert.deepEqual(JSON.parse(result.text.slice(1)).mcpServers.a, { command: "a" });
    assert.deepEqual(detectFormatting(text.slice(1)), { insertSpaces: false, tabSize: 1, eol: "\r\n" });
  });

  for (const [why, text, jsonc] of [
    ["broken JSON", '{ "servers": { "a": ', true],
    ["not an object", "[1, 2]", true],
    ["servers is not an object", '{ "servers": [] }', true],
    ["a comment in a strict JSON file", '{ // hi\n "mcpServers": {} }', false],
    ["a trailing comma in a strict JSON file", '{ "mcpServers": {}, }', false],
  ] as const) {
    it(`refuses ${why}`, () => {
      assert.throws(
        () =>
          mergeServerEntry({
            text,
            serversKey: jsonc ? "servers" : "mcpServers",
            name: "copydesk",
            entry,
            jsonc,
          }),
        UnparsableConfigError,
      );
    });
  }

  it("says where the parse failed", () => {
    assert.throws(() => vscode('{\n  "servers": {\n    "a" 1\n  }\n}'), /line 3, column 9/);
  });
});
