// The five-target release of the real copydesk (the snapshot main `npm run build` writes), checked as a
// user meets it: SHA256SUMS, archives unpacked by the system's tar/unzip, each executable answering MCP
// `initialize` with no node on PATH and touching no file beside itself (linux-x64 natively, linux-arm64
// under qemu, win-x64 under wine when Node can start there), the macOS ones by structure and ad-hoc
// signature; then the linux-arm64 one through a sampling tool call. ~2 min on 2 cores with warm caches;
// the first run fetches ~260 MB of Node binaries from the npm registry and Debian's qemu/strace.
// `npm run test:release` runs it (with the other suites under test/release); `npm test` does not.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { adhocSign, verifyAdhocSignature } from "../../scripts/macho/sign.ts";
import { fetchNodeBinary, RegistryUnreachableError } from "../../scripts/sea/fetch-node.ts";
import { buildRelease, type TargetReport } from "../../scripts/sea/pipeline.ts";
import { arm64Runner } from "../../scripts/sea/qemu.ts";
import type { Probe } from "../../scripts/sea/spawn-probe.ts";
import { TARGETS, type Target } from "../../scripts/sea/targets.ts";
import { type VerifyResult, verifyRelease } from "../../scripts/sea/verify.ts";
import { writing } from "../support/copy-replies.ts";
import { callTool, startServer, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const VERSION = "0.0.0-test";

/** One initialize request, then end of input: copydesk must answer before it exits. */
const INITIALIZE_PROBE: Probe = {
  stdin: `${JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "1" } },
  })}\n`,
  expect: /"serverInfo":\{"name":"copydesk"/,
};

describe("release executables of copydesk for five platforms", () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-release-test-"));
  const unavailable = new Map<string, string>();
  let reports: TargetReport[] = [];
  let results: VerifyResult[] = [];

  before(
    async () => {
      const targets: Target[] = [];
      for (const target of TARGETS) {
        try {
          await fetchNodeBinary(target);
          targets.push(target);
        } catch (e) {
          if (!(e instanceof RegistryUnreachableError)) throw e;
          unavailable.set(
            target.id,
            `base binary not cached and registry unreachable: ${e.message.slice(0, 200)}`,
          );
        }
      }
      const outDir = join(dir, "release");
      reports = await buildRelease({
        main: resolve("dist/copydesk.snapshot.cjs"),
        snapshot: true,
        outDir,
        workDir: join(dir, "work"),
        targets,
        version: VERSION,
        sign: adhocSign,
      });
      results = await verifyRelease(outDir, {
        version: VERSION,
        targets,
        probe: INITIALIZE_PROBE,
        verifySignature: verifyAdhocSignature,
      });
    },
    { timeout: 20 * 60_000 },
  );
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("builds, packs and verifies each target, or says precisely why it cannot here", (t) => {
    for (const report of reports) {
      const start = report.snapshot ? "snapshot" : report.codeCache ? "code cache" : "plain";
      t.diagnostic(`${report.target}: ${report.exeBytes} B exe, ${report.archiveBytes} B archive, ${start}`);
    }
    for (const [target, why] of unavailable) t.diagnostic(`${target}: not built: ${why}`);
    for (const result of results) {
      t.diagnostic(`${result.name}: ${result.status}: ${result.detail}`);
      assert.notEqual(result.status, "fail", `${result.name}: ${result.detail}`);
      // In CI the arm64 check must really run: a missing qemu is a broken set-up there, not a skip.
      if (process.env.CI && result.name === "linux-arm64") assert.equal(result.status, "pass", result.detail);
    }
    // This machine can always build and run linux-x64; the sums cover every archive.
    const passed = results.filter((r) => r.status === "pass").map((r) => r.name);
    assert.ok(passed.includes("SHA256SUMS") && passed.includes("linux-x64"), passed.join(", "));
  });

  it("the host and linux-arm64 executables start from a V8 snapshot", () => {
    // linux-x64 is this machine's own target: it is always built here, so a missing report is a failure.
    const x64 = reports.find((r) => r.target === "linux-x64");
    assert.ok(x64, `linux-x64 was not built (built: ${reports.map((r) => r.target).join(", ")})`);
    assert.equal(x64.snapshot, true, "linux-x64 was built without a snapshot");
    // linux-arm64 needs its base binary; when it was not built, the reason must have been recorded.
    const arm64 = reports.find((r) => r.target === "linux-arm64");
    if (arm64) assert.equal(arm64.snapshot, true, "linux-arm64 was built without a snapshot");
    else assert.ok(unavailable.has("linux-arm64"), "linux-arm64 was neither built nor reported unavailable");
  });

  it("linux-arm64 answers initialize and a sampling tool call under qemu", async (t) => {
    const report = reports.find((r) => r.target === "linux-arm64");
    const runner = arm64Runner();
    const cannot = !report
      ? (unavailable.get("linux-arm64") ?? "not built")
      : "missing" in runner
        ? runner.missing
        : "";
    if (cannot) {
      // In CI this must run: a missing qemu or base binary is a broken set-up there, not a skip.
      if (process.env.CI) assert.fail(`linux-arm64 cannot be checked: ${cannot}`);
      t.skip(cannot);
      return;
    }
    if (!report || "missing" in runner) return;
    const server = await startServer({
      command: [...runner.prefix, report.path],
      sampling: writing("A red mug, written for arm64.", "arm64-test-model"),
    });
    try {
      const result = await callTool(server.client, "create_product", { title: "Mug", keywords: ["red"] });
      assert.equal(result.isError, undefined, textOf(result));
      const { product } = structured("create_product", result);
      assert.ok(product.description?.startsWith("A red mug, written for arm64."), product.description ?? "");
      assert.equal(product.model, "arm64-test-model");
      assert.equal(server.samplingRequests.length, 1);
    } finally {
      await server.close();
    }
  });
});
