// MCP Bundles (.mcpb) for Claude Desktop: one per target, each a zip of manifest.json and one executable.
//
//   npm run build:mcpb                              bundles every macOS/Windows archive in dist/release
//   npm run build:mcpb -- --exe linux-x64=dist/copydesk   bundles the given executable(s) instead
//
// Options: --exe TARGET=PATH (repeatable), --release DIR (archives to read, default dist/release),
// --out DIR (default dist/release), --tools-from PATH (an executable this machine runs, to list tools).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const ROOT = resolve(import.meta.dirname, "..");
const MCPB_CLI = join(ROOT, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");
/** Claude Desktop exists for these; a Linux bundle is made only when asked for with --exe. */
const DESKTOP_TARGETS = ["darwin-arm64", "darwin-x64", "win-x64"] as const;

export interface BundleInput {
  /** Release target id, e.g. darwin-arm64, win-x64, linux-x64. */
  readonly target: string;
  readonly executable: string;
}

export interface Tool {
  readonly name: string;
  readonly description?: string;
}

export function platformOf(target: string): "darwin" | "win32" | "linux" {
  if (target.startsWith("darwin-")) return "darwin";
  if (target.startsWith("win-")) return "win32";
  if (target.startsWith("linux-")) return "linux";
  throw new Error(`unknown target "${target}": expected darwin-*, win-* or linux-*`);
}

/** The manifest for one platform: the template with version, entry point, platform and tools filled in. */
export function manifestFor(
  target: string,
  version: string,
  tools?: readonly Tool[],
): Record<string, unknown> {
  const template = JSON.parse(readFileSync(join(ROOT, "mcpb", "manifest.template.json"), "utf8"));
  const platform = platformOf(target);
  const entry = platform === "win32" ? "server/copydesk.exe" : "server/copydesk";
  template.version = version;
  template.server.entry_point = entry;
  template.server.mcp_config.command = `\${__dirname}/${entry}`;
  template.compatibility.platforms = [platform];
  if (tools)
    template.tools = tools.map(({ name, description }) => ({
      name,
      description: firstSentence(description),
    }));
  // Claude Desktop leaves "${user_config.x}" as literal text when an optional field has no value and no
  // default (replaceVariables in @anthropic-ai/mcpb); a "" default makes an unset field an empty variable.
  for (const [key, field] of Object.entries(template.user_config as Record<string, { default?: unknown }>)) {
    if (field.default === undefined) throw new Error(`user_config.${key} needs a default ("" for none)`);
  }
  return template;
}

function firstSentence(text = ""): string {
  const sentence = /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
  return sentence.replace(/\s+/g, " ").trim();
}

/** The tools the real server lists, so the manifest cannot drift from the code. */
export async function listTools(executable: string): Promise<Tool[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "copydesk-mcpb-tools-"));
  const client = new Client({ name: "copydesk-mcpb", version: "1.0.0" });
  try {
    await client.connect(
      new StdioClientTransport({ command: executable, args: ["--data-dir", dataDir], stderr: "ignore" }),
    );
    return (await client.listTools()).tools.map(({ name, description }) => ({
      name,
      description: description ?? "",
    }));
  } finally {
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function mcpb(args: string[]): string {
  // The CLI's own shebang would pick whatever node is first on PATH; use the pinned one running this.
  return execFileSync(process.execPath, [MCPB_CLI, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Stages manifest.json and the executable, validates the manifest, and packs the bundle. */
export function buildBundle(
  input: BundleInput,
  version: string,
  outDir: string,
  tools?: readonly Tool[],
): string {
  const stage = mkdtempSync(join(tmpdir(), `copydesk-mcpb-${input.target}-`));
  try {
    const manifest = manifestFor(input.target, version, tools);
    const entry = (manifest.server as { entry_point: string }).entry_point;
    mkdirSync(join(stage, "server"));
    copyFileSync(input.executable, join(stage, entry));
    chmodSync(join(stage, entry), 0o755);
    writeFileSync(join(stage, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    mcpb(["validate", join(stage, "manifest.json")]);
    mkdirSync(outDir, { recursive: true });
    const output = join(outDir, `copydesk-${version}-${input.target}.mcpb`);
    mcpb(["pack", stage, output]);
    return output;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The one file in a release archive (ustar in gzip, or zip; both written by scripts/sea/archive.ts). */
export function extractSingleFile(archive: string): Buffer {
  const data = readFileSync(archive);
  if (archive.endsWith(".tar.gz")) {
    const tar = gunzipSync(data);
    const size = Number.parseInt(tar.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim(), 8);
    return tar.subarray(512, 512 + size);
  }
  if (archive.endsWith(".zip")) {
    const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = data.readUInt32LE(end + 16);
    const method = data.readUInt16LE(central + 10);
    const compressed = data.readUInt32LE(central + 20);
    const local = data.readUInt32LE(central + 42);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressed);
    return method === 8 ? inflateRawSync(body) : method === 0 ? body : assertNever(method);
  }
  throw new Error(`not a release archive: ${archive}`);
}

function assertNever(method: number): never {
  throw new Error(`unsupported zip compression method ${method}`);
}

/** Executables from dist/release archives for the desktop targets, extracted into `work`. */
function fromReleaseArchives(releaseDir: string, version: string, work: string): BundleInput[] {
  const names = existsSync(releaseDir) ? readdirSync(releaseDir) : [];
  const inputs: BundleInput[] = [];
  for (const target of DESKTOP_TARGETS) {
    const archive = names.find(
      (name) =>
        name === `copydesk-${version}-${target}.tar.gz` || name === `copydesk-${version}-${target}.zip`,
    );
    if (!archive) continue;
    const executable = join(work, target, platformOf(target) === "win32" ? "copydesk.exe" : "copydesk");
    mkdirSync(join(work, target), { recursive: true });
    writeFileSync(executable, extractSingleFile(join(releaseDir, archive)), { mode: 0o755 });
    inputs.push({ target, executable });
  }
  return inputs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      exe: { type: "string", multiple: true },
      release: { type: "string", default: "dist/release" },
      out: { type: "string", default: "dist/release" },
      "tools-from": { type: "string", default: "dist/copydesk" },
    },
  });
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const work = mkdtempSync(join(tmpdir(), "copydesk-mcpb-"));
  try {
    const inputs: BundleInput[] = values.exe
      ? values.exe.map((pair) => {
          const [target, executable] = pair.split(/=(.*)/s);
          if (!target || !executable) throw new Error(`--exe "${pair}" is not TARGET=PATH`);
          platformOf(target);
          return { target, executable: resolve(executable) };
        })
      : fromReleaseArchives(resolve(values.release), version, work);
    if (inputs.length === 0) {
      throw new Error(
        `no ${DESKTOP_TARGETS.join("/")} archives for ${version} in ${values.release}: run npm run build:release first, or pass --exe TARGET=PATH`,
      );
    }
    const toolsFrom = resolve(values["tools-from"]);
    const tools = existsSync(toolsFrom) ? await listTools(toolsFrom) : undefined;
    if (!tools) process.stderr.write(`${toolsFrom} not found: the manifest keeps the template's tool list\n`);
    for (const input of inputs) {
      const started = performance.now();
      const output = buildBundle(input, version, resolve(values.out), tools);
      process.stderr.write(`${input.target}: ${output} in ${Math.round(performance.now() - started)} ms\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`mcpb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
