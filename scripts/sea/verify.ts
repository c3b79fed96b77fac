// Checks a release directory the way a user would meet it: archives match SHA256SUMS, each archive
// unpacks (with the system's tar/unzip, not our writer) to one executable, and each executable answers
// a probe line: natively, under qemu (linux-arm64) or wine (win-x64); darwin ones by structure only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEA_FUSE_ON } from "./build-sea.ts";
import { checkSha256Sums } from "./checksums.ts";
import { ensureTool } from "./debian-tools.ts";
import { neighboursTouchedInFile } from "./file-access.ts";
import { readMachO } from "./macho.ts";
import { peSignature } from "./pe.ts";
import { arm64Runner } from "./qemu.ts";
import { ECHO_PROBE, type Probe, probe } from "./spawn-probe.ts";
import { archiveName, hostTarget, type Target } from "./targets.ts";
import { run, which } from "./util.ts";
import { wineRunner } from "./wine.ts";

export interface VerifyResult {
  name: string;
  status: "pass" | "fail" | "skip";
  detail: string;
  startMs?: number;
}

export interface VerifyOptions {
  version: string;
  targets: readonly Target[];
  probe?: Probe;
  /** verifyAdhocSignature from scripts/macho/sign.ts: throws on a bad signature. */
  verifySignature?: (binary: Uint8Array) => unknown;
}

const pass = (name: string, detail: string, startMs?: number): VerifyResult => ({
  name,
  status: "pass",
  detail,
  ...(startMs === undefined ? {} : { startMs }),
});
const fail = (name: string, detail: string): VerifyResult => ({ name, status: "fail", detail });
const skip = (name: string, detail: string): VerifyResult => ({ name, status: "skip", detail });

export async function verifySums(outDir: string): Promise<VerifyResult> {
  const bad = await checkSha256Sums(join(outDir, "SHA256SUMS"));
  if (bad.length) return fail("SHA256SUMS", `mismatch: ${bad.join(", ")}`);
  if (!which("sha256sum")) return pass("SHA256SUMS", "re-hashed in Node (no sha256sum here)");
  const r = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: outDir, encoding: "utf8" });
  return r.status === 0 ? pass("SHA256SUMS", r.stdout.trim()) : fail("SHA256SUMS", r.stdout + r.stderr);
}

/** Unpacks with the system tools so our own archive writer is checked by an independent reader. */
function unpack(archive: string, kind: Target["archive"], into: string): string | undefined {
  if (kind === "tar.gz") run("tar", ["-xzf", archive, "-C", into]);
  else if (which("unzip")) run("unzip", ["-q", archive, "-d", into]);
  else if (which("python3")) run("python3", ["-m", "zipfile", "-e", archive, into]);
  else return "neither unzip nor python3 to read the zip";
  return undefined;
}

async function runAndCheck(name: string, cmd: string[], exe: string, p: Probe): Promise<VerifyResult> {
  // No node on PATH: an empty directory as the whole PATH (this machine has /usr/bin/node).
  const emptyPath = mkdtempSync(join(tmpdir(), "copydesk-nopath-"));
  if (which("node", emptyPath)) return fail(name, "node is reachable on the probe PATH");
  const env = { PATH: emptyPath, HOME: emptyPath };
  // strace shows which files the executable opens; installed through apt where we can.
  const st = ensureTool("strace", ["strace"]);
  const strace = "path" in st ? st.path : undefined;
  const traceFile = join(emptyPath, "trace");
  const full = strace ? [strace, "-f", "-qq", "-e", "trace=%file", "-o", traceFile, ...cmd] : cmd;
  const r = await probe(full, p, { cwd: join(exe, ".."), env });
  try {
    if (!r.ok)
      return fail(
        name,
        `exit ${r.code}; stdout: ${r.stdout.slice(0, 500)} stderr: ${r.stderr.slice(0, 1500)}`,
      );
    const left = readdirSync(join(exe, "..")).filter((f) => f !== exe.split("/").pop());
    if (left.length) return fail(name, `wrote files next to itself: ${left.join(", ")}`);
    if (strace) {
      const touched = neighboursTouchedInFile(traceFile, exe);
      if (touched.length) return fail(name, `touched files next to itself: ${touched.join(", ")}`);
    }
    const how = strace
      ? "no neighbour file touched (strace)"
      : `neighbour reads unchecked: ${"missing" in st ? st.missing : ""}`;
    // Under strace the time is inflated: report it only as a sanity figure.
    return pass(name, `answered the probe with no node on PATH; ${how}`, r.firstLineMs);
  } finally {
    rmSync(emptyPath, { recursive: true, force: true });
  }
}

function checkDarwin(t: Target, exe: string, o: VerifyOptions): VerifyResult {
  const bin = readFileSync(exe);
  const m = readMachO(bin);
  const problems: string[] = [];
  if (m.arch !== t.arch) problems.push(`cpu ${m.arch}, expected ${t.arch}`);
  const sea = m.segments.find((s) => s.name === "NODE_SEA");
  if (!sea?.sections.includes("__NODE_SEA_BLOB")) problems.push("no NODE_SEA,__NODE_SEA_BLOB section");
  if (!bin.includes(SEA_FUSE_ON)) problems.push("SEA fuse not set");
  if (!m.codeSignature) problems.push("no LC_CODE_SIGNATURE");
  if (problems.length) return fail(t.id, problems.join("; "));
  if (!o.verifySignature) return skip(t.id, "structure ok; no verifyAdhocSignature given (macho branch)");
  try {
    o.verifySignature(bin);
  } catch (e) {
    return fail(t.id, `ad-hoc signature rejected: ${(e as Error).message}`);
  }
  return pass(t.id, "Mach-O, NODE_SEA blob, fuse set, ad-hoc signature verified");
}

async function verifyTarget(t: Target, exe: string, o: VerifyOptions): Promise<VerifyResult> {
  const p = o.probe ?? ECHO_PROBE;
  if (t.os === "darwin") return checkDarwin(t, exe, o);
  if (!readFileSync(exe).includes(SEA_FUSE_ON)) return fail(t.id, "SEA fuse not set");
  if (t.id === hostTarget()?.id) return runAndCheck(t.id, [exe], exe, p);
  if (t.id === "linux-arm64") {
    const r = arm64Runner();
    if ("missing" in r) return skip(t.id, `cannot run arm64 here: ${r.missing}`);
    return runAndCheck(t.id, [...r.prefix, exe], exe, p);
  }
  if (t.id === "win-x64") {
    // A stale Authenticode entry would point into the injected resources (see pe.ts).
    if (peSignature(readFileSync(exe)).size !== 0) return fail(t.id, "stale Authenticode certificate table");
    return wineCheck(t, exe, p);
  }
  return skip(t.id, `no way to run ${t.id} on ${process.platform}-${process.arch}`);
}

async function wineCheck(t: Target, exe: string, p: Probe): Promise<VerifyResult> {
  if (process.platform !== "linux") return skip(t.id, "wine check only on Linux");
  const tool = ensureTool("wine", ["wine", "wine64"]);
  if ("missing" in tool) return skip(t.id, tool.missing);
  const w = await wineRunner(tool.path);
  if ("missing" in w) return skip(t.id, w.missing);
  const r = await probe([tool.path, exe], p, { cwd: join(exe, ".."), env: w.env, timeoutMs: 120_000 });
  if (r.ok) return pass(t.id, `answered the probe under ${w.version}`, r.firstLineMs);
  return fail(t.id, `under ${w.version}: exit ${r.code}; ${r.stderr.slice(0, 800)}`);
}

export async function verifyRelease(outDir: string, o: VerifyOptions): Promise<VerifyResult[]> {
  const results = [await verifySums(outDir)];
  for (const t of o.targets) {
    const dir = mkdtempSync(join(tmpdir(), `copydesk-verify-${t.id}-`));
    try {
      const archive = join(outDir, archiveName(o.version, t));
      const err = unpack(archive, t.archive, dir);
      if (err) {
        results.push(skip(t.id, err));
        continue;
      }
      const files = readdirSync(dir);
      if (files.length !== 1 || files[0] !== t.exeName) {
        results.push(fail(t.id, `archive holds ${files.join(", ")}, expected only ${t.exeName}`));
        continue;
      }
      const exe = join(dir, t.exeName);
      if (t.os !== "win32" && (statSync(exe).mode & 0o111) === 0) {
        results.push(fail(t.id, "executable bit lost in the archive"));
        continue;
      }
      results.push(await verifyTarget(t, exe, o));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
