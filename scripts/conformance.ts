/**
 * Runs the official MCP conformance suite's generic server scenarios against `copydesk --http`.
 *
 *   node scripts/conformance.ts [--executable dist/copydesk] [--scenario NAME ...]
 *
 * Starts the built executable on a free loopback port with a throwaway data folder, runs each scenario
 * with the pinned @modelcontextprotocol/conformance (from node_modules: nothing is downloaded, and the
 * scenarios talk only to that port), prints one line per scenario and exits 1 if any check failed or
 * warned, 0 if all passed. Scenarios that need test-only tools or prompts (tools-call-image, ...) are
 * not generic and are not run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

export const GENERIC_SCENARIOS = [
  "server-initialize",
  "ping",
  "logging-set-level",
  "tools-list",
  "dns-rebinding-protection",
] as const;

interface Check {
  readonly id: string;
  readonly status: string;
  readonly errorMessage?: string;
}

const { values } = parseArgs({
  options: {
    executable: { type: "string", default: process.env.COPYDESK_EXECUTABLE ?? "dist/copydesk" },
    scenario: { type: "string", multiple: true },
  },
});
const scenarios = values.scenario ?? [...GENERIC_SCENARIOS];
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("@modelcontextprotocol/conformance/package.json")), "dist/index.js");

const work = mkdtempSync(join(tmpdir(), "copydesk-conformance-"));
const server = spawn(
  resolve(values.executable),
  ["--http", "--port", "0", "--data-dir", join(work, "data")],
  {
    env: { PATH: "/usr/bin:/bin", HOME: work },
    stdio: ["ignore", "ignore", "pipe"],
  },
);
let failed = false;
try {
  const url = await serverUrl();
  process.stderr.write(`conformance ${conformanceVersion()} against ${url}\n`);
  for (const scenario of scenarios) {
    const out = join(work, scenario);
    const code = await run(process.execPath, [
      cli,
      "server",
      "--url",
      url,
      "--scenario",
      scenario,
      "-o",
      out,
    ]);
    const checks = readChecks(out);
    const passed = checks.filter((check) => check.status === "SUCCESS").length;
    const ok = code === 0 && checks.length > 0 && passed === checks.length;
    failed ||= !ok;
    process.stdout.write(
      `${ok ? "PASS" : "FAIL"} ${scenario}: ${passed}/${checks.length} checks (exit ${code})\n`,
    );
    for (const check of checks.filter((c) => c.status !== "SUCCESS")) {
      process.stdout.write(`  ${check.status} ${check.id}: ${check.errorMessage ?? ""}\n`);
    }
  }
} finally {
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

function serverUrl(): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`copydesk did not start:\n${stderr}`)), 10_000);
    server.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    server.once("exit", (code) => reject(new Error(`copydesk exited with ${code}:\n${stderr}`)));
  });
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "ignore"] });
    child.once("exit", (code) => resolveCode(code ?? 1));
  });
}

/** The suite writes checks.json into a timestamped folder under the output folder. */
function readChecks(out: string): Check[] {
  try {
    return readdirSync(out).flatMap(
      (folder) => JSON.parse(readFileSync(join(out, folder, "checks.json"), "utf8")) as Check[],
    );
  } catch {
    return [];
  }
}

function conformanceVersion(): string {
  return (JSON.parse(readFileSync(join(dirname(cli), "..", "package.json"), "utf8")) as { version: string })
    .version;
}
