// Windows step: node.exe carries Node's Authenticode signature. `--build-sea` rewrites the PE but keeps
// the certificate-table entry, which then points into the new resource section: a corrupt signature
// (worse than none for SmartScreen and virus scanners). So, like `signtool remove /s`, we drop the
// signature from the base binary BEFORE injection. Re-signing needs a real certificate: not done here.
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const SECURITY_DIR = 4;

/** File offset of the certificate-table data-directory entry. */
function securityEntryOffset(b: Buffer): number {
  if (b.readUInt16LE(0) !== 0x5a4d) throw new Error("not a PE file (no MZ)");
  const pe = b.readUInt32LE(0x3c);
  if (b.readUInt32LE(pe) !== 0x4550) throw new Error("not a PE file (no PE signature)");
  const opt = pe + 24;
  const magic = b.readUInt16LE(opt);
  const dirs = magic === 0x20b ? opt + 112 : magic === 0x10b ? opt + 96 : -1;
  if (dirs < 0) throw new Error(`unknown PE optional header magic ${magic.toString(16)}`);
  return dirs + SECURITY_DIR * 8;
}

export function peSignature(b: Buffer): { offset: number; size: number } {
  const e = securityEntryOffset(b);
  return { offset: b.readUInt32LE(e), size: b.readUInt32LE(e + 4) };
}

/** Writes `input` to `output` without its Authenticode signature (which sits at the end of the file). */
export function removePeSignature(input: string, output: string): void {
  const b = readFileSync(input);
  const { offset, size } = peSignature(b);
  let out = b;
  if (size !== 0) {
    if (offset + size !== b.length) throw new Error(`${input}: signature is not at the end of the file`);
    const e = securityEntryOffset(b);
    b.writeUInt32LE(0, e);
    b.writeUInt32LE(0, e + 4);
    out = b.subarray(0, offset);
  }
  // Write then rename, so an interrupted build never leaves a truncated base in the cache.
  const tmp = `${output}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, output);
}
