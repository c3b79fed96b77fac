import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { crc32, deflateRawSync } from "node:zlib";
import { getMcpConfigForManifest, type McpbManifestAny } from "@anthropic-ai/mcpb";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { extractSingleFile, manifestFor } from "../../scripts/mcpb.ts";
import { TOOLS } from "../../src/mcp/tools/all/index.ts";
import { EXECUTABLE, NO_NODE_PATH } from "../support/server-process.ts";

interface UserConfigField {
  type: string;
  required?: boolean;
  sensitive?: boolean;
}

interface Manifest {
  manifest_version: string;
  server: {
    type: string;
    entry_point: string;
    mcp_config: { command: string; env?: Record<string, string> };
  };
  compatibility?: { platforms?: string[] };
  tools?: { name: string }[];
  user_config?: Record<string, UserConfigField>;
}

const MCPB_CLI = resolve("node_modules/@anthropic-ai/mcpb/dist/cli/cli.js");
const PROVIDER_VARIABLES = {
  COPYDESK_PROVIDER: "provider",
  COPYDESK_PROVIDER_URL: "provider_url",
  COPYDESK_PROVIDER_MODEL: "provider_model",
  COPYDESK_PROVIDER_API_KEY: "provider_api_key",
  COPYDESK_PROVIDER_MODE: "provider_mode",
  COPYDESK_LANGUAGE: "language",
};

function mcpb(args: string[]): string {
  return execFileSync(process.execPath, [MCPB_CLI, ...args], { encoding: "utf8" });
}

describe("the Claude Desktop bundle (host executable packed as a linux-x64 bundle)", () => {
  let dir: string;
  let unpacked: string;
  let manifest: Manifest;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-mcpb-e2e-"));
    execFileSync(process.execPath, ["scripts/mcpb.ts", "--exe", `linux-x64=${EXECUTABLE}`, "--out", dir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const { version } = JSON.parse(readFileSync("package.json", "utf8"));
    unpacked = join(dir, "unpacked");
    mcpb(["unpack", join(dir, `copydesk-${version}-linux-x64.mcpb`), unpacked]);
    manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("holds a manifest that validates, for the binary it carries", () => {
    mcpb(["validate", join(unpacked, "manifest.json")]); // throws on a non-zero exit
    assert.equal(manifest.manifest_version, "0.3");
    assert.equal(manifest.server.type, "binary");
    assert.equal(manifest.server.entry_point, "server/copydesk");
    assert.equal(manifest.server.mcp_config.command, `\${__dirname}/server/copydesk`);
    assert.deepEqual(manifest.compatibility?.platforms, ["linux"]);
    const entry = join(unpacked, manifest.server.entry_point);
    assert.ok(statSync(entry).mode & 0o100, "the entry point is executable");
    assert.equal(statSync(entry).size, statSync(EXECUTABLE).size);
  });

  it("lists the server's real tools", () => {
    const names = (manifest.tools ?? []).map((tool) => tool.name).sort();
    // The exact list is pinned in tools.test.ts; here it must match whatever the server registers.
    assert.deepEqual(names, TOOLS.map((tool) => tool.name).sort());
    assert.ok(names.includes("create_product"));
  });

  it("maps optional provider and language settings to variables, the API key marked sensitive", () => {
    const userConfig = manifest.user_config ?? {};
    for (const [variable, key] of Object.entries(PROVIDER_VARIABLES)) {
      assert.equal(manifest.server.mcp_config.env?.[variable], `\${user_config.${key}}`);
      assert.equal(userConfig[key]?.required, false, key);
      assert.equal(userConfig[key]?.type, "string", key);
    }
    assert.equal(userConfig.provider_api_key?.sensitive, true);
    assert.equal(
      Object.entries(userConfig).filter(([, field]) => field.sensitive).length,
      1,
      "only the key is a secret",
    );
  });

  it("as Claude Desktop resolves it, starts and serves; unset settings become empty, not placeholders", async () => {
    const fresh: Record<string, string> = {};
    // A provider needs its model too: copydesk refuses to start (exit 2) on a half-set provider.
    const complete = { provider: "openai", provider_model: "gpt-test", provider_api_key: "sk-test" };
    for (const userConfig of [fresh, complete] as Record<string, string>[]) {
      const config = await getMcpConfigForManifest({
        manifest: manifest as unknown as McpbManifestAny,
        extensionPath: unpacked,
        systemDirs: { HOME: dir, DATA: dir, DESKTOP: dir, DOCUMENTS: dir, DOWNLOADS: dir },
        userConfig,
        pathSeparator: "/",
      });
      assert.ok(config);
      const env = config.env ?? {};
      assert.equal(env.COPYDESK_PROVIDER, userConfig.provider ?? "");
      assert.equal(env.COPYDESK_PROVIDER_API_KEY, userConfig.provider_api_key ?? "");
      assert.equal(env.COPYDESK_PROVIDER_MODE, "");
      assert.equal(env.COPYDESK_LANGUAGE, "", "an empty language is unset: English");
      assert.ok(!JSON.stringify(config).includes("${"), JSON.stringify(config));

      const client = new Client({ name: "claude-desktop-stand-in", version: "1.0.0" });
      await client.connect(
        new StdioClientTransport({
          command: config.command,
          args: [...(config.args ?? []), "--data-dir", join(dir, "data")],
          env: { PATH: NO_NODE_PATH, HOME: dir, ...env },
          stderr: "ignore",
        }),
      );
      try {
        assert.ok((await client.listTools()).tools.some((tool) => tool.name === "create_product"));
      } finally {
        await client.close();
      }
    }
  });
});

describe("bundle manifests per platform", () => {
  it("points Windows at the .exe and macOS at the plain binary", () => {
    const windows = manifestFor("win-x64", "1.2.3") as unknown as Manifest;
    assert.equal(windows.server.entry_point, "server/copydesk.exe");
    assert.equal(windows.server.mcp_config.command, `\${__dirname}/server/copydesk.exe`);
    assert.deepEqual(windows.compatibility, { platforms: ["win32"] });
    const mac = manifestFor("darwin-arm64", "1.2.3") as unknown as Manifest & { version: string };
    assert.equal(mac.server.entry_point, "server/copydesk");
    assert.equal(mac.version, "1.2.3");
    assert.throws(() => manifestFor("freebsd-x64", "1"), /unknown target/);
  });

  it("reads the executable out of a release .tar.gz", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-mcpb-archive-"));
    try {
      writeFileSync(join(dir, "copydesk"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
      execFileSync("tar", ["-czf", join(dir, "a.tar.gz"), "-C", dir, "copydesk"]);
      assert.equal(extractSingleFile(join(dir, "a.tar.gz")).toString(), "#!/bin/sh\necho hi\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the executable out of a release .zip (Windows)", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-mcpb-archive-"));
    try {
      const content = Buffer.from("MZ pretend this is copydesk.exe ".repeat(50));
      writeFileSync(join(dir, "a.zip"), oneFileZip("copydesk.exe", content));
      assert.deepEqual(extractSingleFile(join(dir, "a.zip")), content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run build:mcpb with no --exe", () => {
  it("bundles the macOS and Windows archives found in the release folder, and no Linux one", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-mcpb-release-"));
    try {
      const { version } = JSON.parse(readFileSync("package.json", "utf8"));
      const release = join(dir, "release");
      mkdirSync(release);
      writeFileSync(join(dir, "copydesk"), "#!/bin/sh\n", { mode: 0o755 });
      for (const target of ["darwin-arm64", "linux-x64"]) {
        execFileSync("tar", [
          "-czf",
          join(release, `copydesk-${version}-${target}.tar.gz`),
          "-C",
          dir,
          "copydesk",
        ]);
      }
      const exe = Buffer.from("MZ not really");
      writeFileSync(join(release, `copydesk-${version}-win-x64.zip`), oneFileZip("copydesk.exe", exe));
      execFileSync(process.execPath, ["scripts/mcpb.ts", "--release", release, "--out", join(dir, "out")], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      mcpb(["unpack", join(dir, "out", `copydesk-${version}-win-x64.mcpb`), join(dir, "win")]);
      assert.deepEqual(readFileSync(join(dir, "win", "server", "copydesk.exe")), exe);
      mcpb(["unpack", join(dir, "out", `copydesk-${version}-darwin-arm64.mcpb`), join(dir, "mac")]);
      assert.equal(readFileSync(join(dir, "mac", "server", "copydesk"), "utf8"), "#!/bin/sh\n");
      const darwin = JSON.parse(readFileSync(join(dir, "mac", "manifest.json"), "utf8")) as Manifest;
      assert.deepEqual(darwin.compatibility?.platforms, ["darwin"]);
      assert.throws(() => statSync(join(dir, "out", `copydesk-${version}-linux-x64.mcpb`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A deflated one-entry zip, laid out like the release archives (local header, data, central directory). */
function oneFileZip(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const body = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + body.length, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}
