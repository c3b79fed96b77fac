// `node scripts/sea/verify-release.ts [dist/release]`: checks a built release (see verify.ts).
// Exits 1 if any check failed; skipped checks are printed with their reason.
import { join } from "node:path";
import { verifyAdhocSignature } from "../macho/sign.ts";
import { packageVersion } from "./pipeline.ts";
import { TARGETS } from "./targets.ts";
import { REPO_ROOT } from "./util.ts";
import { verifyRelease } from "./verify.ts";

const outDir = process.argv[2] ?? join(REPO_ROOT, "dist", "release");
const results = await verifyRelease(outDir, {
  version: packageVersion(),
  targets: TARGETS,
  verifySignature: verifyAdhocSignature,
});
for (const r of results) {
  const ms = r.startMs === undefined ? "" : ` (${r.startMs.toFixed(0)} ms to first line)`;
  process.stderr.write(`${r.status.toUpperCase().padEnd(4)} ${r.name}: ${r.detail}${ms}\n`);
}
process.exitCode = results.some((r) => r.status === "fail") ? 1 : 0;
