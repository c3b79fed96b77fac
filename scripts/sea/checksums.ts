// SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <file name>" per line.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { hashFile } from "./util.ts";

export async function writeSha256Sums(files: string[], out: string): Promise<string> {
  const lines: string[] = [];
  for (const f of [...files].sort()) {
    lines.push(`${(await hashFile(f, "sha256")).toString("hex")}  ${basename(f)}`);
  }
  const text = `${lines.join("\n")}\n`;
  writeFileSync(out, text);
  return text;
}

/** Re-hashes every listed file; returns the names that do not match (empty = all good). */
export async function checkSha256Sums(sumsFile: string): Promise<string[]> {
  const bad: string[] = [];
  for (const line of readFileSync(sumsFile, "utf8").split("\n").filter(Boolean)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m?.[1] || !m[2]) {
      bad.push(`malformed line: ${line}`);
      continue;
    }
    const actual = (
      await hashFile(join(dirname(sumsFile), m[2]), "sha256").catch(() => Buffer.alloc(0))
    ).toString("hex");
    if (actual !== m[1]) bad.push(m[2]);
  }
  return bad;
}
