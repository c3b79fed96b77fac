// Full five-target release, built from a self-made main and checked with verify.ts. Heavy (5 x ~110 MB,
// ~1-2 min on 2 cores with warm caches), so opt-in: COPYDESK_RELEASE_TEST=1 node --test test/release.test.ts
// No network is needed once node_modules/.cache/copydesk-node holds the base binaries; without them
// and without the registry, the targets that lack a base binary are skipped with the reason.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { adhocSign, verifyAdhocSignature } from "../../scripts/macho/sign.ts";
import { fetchNodeBinary, RegistryUnreachableError } from "../../scripts/sea/fetch-node.ts";
import { buildRelease } from "../../scripts/sea/pipeline.ts";
import { TARGETS, type Target } from "../../scripts/sea/targets.ts";
import { verifyRelease } from "../../scripts/sea/verify.ts";
import { writeEchoMain } from "../support/sea-fixtures.ts";

const enabled = process.env.COPYDESK_RELEASE_TEST === "1";
const dir = mkdtempSync(join(tmpdir(), "copydesk-release-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("five-target release builds and verifies", {
  skip: !enabled && "set COPYDESK_RELEASE_TEST=1",
}, async (t) => {
  const skipped = new Map<string, string>();
  const targets: Target[] = [];
  for (const target of TARGETS) {
    try {
      await fetchNodeBinary(target);
      targets.push(target);
    } catch (e) {
      if (!(e instanceof RegistryUnreachableError)) throw e;
      skipped.set(target.id, `base binary not cached and registry unreachable: ${e.message.slice(0, 200)}`);
    }
  }
  const main = writeEchoMain(dir);
  const outDir = join(dir, "release");
  const start = Date.now();
  const reports = await buildRelease({
    main,
    outDir,
    workDir: join(dir, "work"),
    targets,
    version: "0.0.0-test",
    sign: adhocSign,
  });
  t.diagnostic(`build: ${Date.now() - start} ms for ${targets.map((x) => x.id).join(", ")}`);
  for (const r of reports) {
    t.diagnostic(`${r.target}: exe ${r.exeBytes} B, archive ${r.archiveBytes} B, ${JSON.stringify(r.ms)}`);
  }
  const results = await verifyRelease(outDir, {
    version: "0.0.0-test",
    targets,
    verifySignature: verifyAdhocSignature,
  });
  for (const r of results) {
    await t.test(r.name, (st) => {
      if (r.status === "skip") return st.skip(r.detail);
      assert.equal(r.status, "pass", r.detail);
      if (r.startMs !== undefined)
        st.diagnostic(`first line after ${r.startMs.toFixed(0)} ms (under strace)`);
    });
  }
  for (const [name, why] of skipped) await t.test(name, (st) => st.skip(why));
});
