// Strips the symbols out of a Linux Node base binary (~150 MB -> ~115 MB). This must happen BEFORE the
// SEA blob is injected: stripping an injected executable drops the blob's note and it segfaults.
// Mach-O and PE binaries from nodejs.org are already stripped, so only ELF targets go through here.
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ensureTool } from "./debian-tools.ts";
import type { Target } from "./targets.ts";
import { log, run, which } from "./util.ts";

/** Strip tools that understand the target's ELF machine, best first, with the Debian package of each. */
function candidates(target: Target): Array<[cmd: string, deb: string]> {
  const native: Array<[string, string]> = process.arch === target.arch ? [["strip", "binutils"]] : [];
  const cross: Array<[string, string]> =
    target.arch === "arm64"
      ? [["aarch64-linux-gnu-strip", "binutils-aarch64-linux-gnu"]]
      : [["x86-64-linux-gnu-strip", "binutils-x86-64-linux-gnu"]];
  // llvm-strip handles every ELF machine; it is on some machines but not a fresh Debian one.
  return [...native, ...cross, ["llvm-strip", "llvm"]];
}

export interface StripResult {
  path: string;
  stripped: boolean;
  bytesBefore: number;
  bytesAfter: number;
}

/** Writes a stripped copy of `input` to `output` (reused if present); without a tool, returns `input`. */
export function stripBase(target: Target, input: string, output: string): StripResult {
  const bytesBefore = statSync(input).size;
  if (existsSync(output)) {
    const bytesAfter = statSync(output).size;
    return { path: output, stripped: bytesAfter < bytesBefore, bytesBefore, bytesAfter };
  }
  const list = candidates(target);
  let tool = list.map(([cmd]) => which(cmd)).find(Boolean);
  if (!tool) {
    const [cmd, deb] = list[0] ?? ["strip", "binutils"];
    const r = ensureTool(cmd, [deb]);
    if ("missing" in r) {
      // Not cached under `output`, so a later build with the tool installed still strips.
      log(`WARNING: not stripping the ${target.id} base binary (+~35 MB): ${r.missing}`);
      return { path: input, stripped: false, bytesBefore, bytesAfter: bytesBefore };
    }
    tool = r.path;
  }
  mkdirSync(dirname(output), { recursive: true });
  const tmp = `${output}.${process.pid}.tmp`; // test files may build in parallel
  run(tool, ["--strip-all", "-o", tmp, input]);
  renameSync(tmp, output);
  return { path: output, stripped: true, bytesBefore, bytesAfter: statSync(output).size };
}
