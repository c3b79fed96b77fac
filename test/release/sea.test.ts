// Fast checks of the SEA build pieces, plus one real host executable (a few seconds, no network).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { tarGz, zip } from "../../scripts/sea/archive.ts";
import { checkSha256Sums, writeSha256Sums } from "../../scripts/sea/checksums.ts";
import { ensureTool } from "../../scripts/sea/debian-tools.ts";
import { neighboursTouched } from "../../scripts/sea/file-access.ts";
import { buildHostExecutable } from "../../scripts/sea/host.ts";
import { readMachO } from "../../scripts/sea/macho.ts";
import { peSignature, removePeSignature } from "../../scripts/sea/pe.ts";
import { arm64Runner } from "../../scripts/sea/qemu.ts";
import { ECHO_PROBE, probe } from "../../scripts/sea/spawn-probe.ts";
import { stripBase } from "../../scripts/sea/strip.ts";
import { hostTarget, pinFor, readPins, TARGETS } from "../../scripts/sea/targets.ts";
import { REPO_ROOT, which } from "../../scripts/sea/util.ts";
import { verifyRelease } from "../../scripts/sea/verify.ts";
import { writeEchoMain } from "../support/sea-fixtures.ts";

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-sea-test-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("every target has a pinned sha512 integrity and binary sha256 for the node devDependency's version", () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
  assert.equal(readPins().version, pkg.devDependencies.node);
  assert.equal(TARGETS.length, 5);
  for (const t of TARGETS) {
    const pin = pinFor(t);
    assert.match(pin.integrity, /^sha512-[A-Za-z0-9+/]{86}==$/, t.id);
    assert.match(pin.binarySha256, /^[0-9a-f]{64}$/, t.id);
  }
});

describe("archives read back by the system's own tools", () => {
  const data = Buffer.from("#!/bin/sh\necho hi\n".repeat(1000));
  const mtime = new Date("2026-01-02T03:04:05Z");

  test("tar.gz keeps the bytes and mode 0755", { skip: !which("tar") && "no tar" }, () => {
    const out = mkdtempSync(join(dir, "tar-"));
    writeFileSync(join(out, "a.tar.gz"), tarGz({ name: "copydesk", data, mtime }));
    spawnSync("tar", ["-xzf", "a.tar.gz"], { cwd: out });
    assert.deepEqual(readFileSync(join(out, "copydesk")), data);
    assert.equal(statSync(join(out, "copydesk")).mode & 0o777, 0o755);
    const list = spawnSync("tar", ["-tvzf", "a.tar.gz"], { cwd: out, encoding: "utf8" }).stdout;
    assert.match(list, /^-rwxr-xr-x root\/root .* 2026-01-02 03:04 copydesk$/m);
  });

  const unzip = which("unzip");
  test("zip keeps the bytes, CRC and mode", { skip: !unzip && "no unzip" }, () => {
    const out = mkdtempSync(join(dir, "zip-"));
    writeFileSync(join(out, "a.zip"), zip({ name: "copydesk.exe", data, mtime }));
    const t = spawnSync("unzip", ["-t", "a.zip"], { cwd: out, encoding: "utf8" });
    assert.equal(t.status, 0, t.stdout + t.stderr);
    spawnSync("unzip", ["-q", "a.zip"], { cwd: out });
    assert.deepEqual(readFileSync(join(out, "copydesk.exe")), data);
    assert.equal(statSync(join(out, "copydesk.exe")).mode & 0o777, 0o755);
  });
});

test("SHA256SUMS passes sha256sum -c, and a changed archive is caught", async () => {
  const out = mkdtempSync(join(dir, "sums-"));
  writeFileSync(join(out, "a.tar.gz"), "aaa");
  writeFileSync(join(out, "b.zip"), "bbb");
  const text = await writeSha256Sums([join(out, "b.zip"), join(out, "a.tar.gz")], join(out, "SHA256SUMS"));
  assert.match(text, /^[0-9a-f]{64} {2}a\.tar\.gz\n[0-9a-f]{64} {2}b\.zip\n$/);
  assert.deepEqual(await checkSha256Sums(join(out, "SHA256SUMS")), []);
  if (which("sha256sum")) {
    assert.equal(spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: out }).status, 0);
  }
  writeFileSync(join(out, "b.zip"), "bbc");
  assert.deepEqual(await checkSha256Sums(join(out, "SHA256SUMS")), ["b.zip"]);
});

describe("readMachO", () => {
  /** A minimal arm64 Mach-O: header, one NODE_SEA segment with its section, LC_CODE_SIGNATURE. */
  function fakeMachO(withSignature: boolean): Buffer {
    const seg = Buffer.alloc(72 + 80);
    seg.writeUInt32LE(0x19, 0);
    seg.writeUInt32LE(seg.length, 4);
    seg.write("NODE_SEA", 8);
    seg.writeUInt32LE(1, 64);
    seg.write("__NODE_SEA_BLOB", 72);
    seg.write("NODE_SEA", 88);
    const sig = Buffer.alloc(16);
    sig.writeUInt32LE(0x1d, 0);
    sig.writeUInt32LE(16, 4);
    sig.writeUInt32LE(4096, 8);
    sig.writeUInt32LE(512, 12);
    const cmds = withSignature ? [seg, sig] : [seg];
    const h = Buffer.alloc(32);
    h.writeUInt32LE(0xfeedfacf, 0);
    h.writeUInt32LE(0x0100000c, 4);
    h.writeUInt32LE(cmds.length, 16);
    return Buffer.concat([h, ...cmds, Buffer.alloc(64)]);
  }

  test("finds the SEA section and the code signature", () => {
    const m = readMachO(fakeMachO(true));
    assert.equal(m.arch, "arm64");
    assert.deepEqual(m.segments, [{ name: "NODE_SEA", sections: ["__NODE_SEA_BLOB"] }]);
    assert.deepEqual(m.codeSignature, { dataoff: 4096, datasize: 512 });
  });

  test("reports a missing signature and rejects non-Mach-O input", () => {
    assert.equal(readMachO(fakeMachO(false)).codeSignature, undefined);
    assert.throws(
      () => readMachO(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)])),
      /not a 64-bit Mach-O/,
    );
  });
});

test("neighboursTouched flags files next to the executable, not the executable or its directory", () => {
  const log = [
    `7 openat(AT_FDCWD, "/r/copydesk", O_RDONLY) = 3`,
    `7 readlink("/r", 0x7ff, 1023) = -1 EINVAL (Invalid argument)`,
    `7 newfstatat(3, "", {st_mode=S_IFREG|0644}, AT_EMPTY_PATH) = 0`,
    `7 openat(AT_FDCWD, "/usr/lib/x.so", O_RDONLY) = 3`,
    `7 openat(AT_FDCWD, "/r/settings.json", O_RDONLY) = -1 ENOENT (No such file or directory)`,
    `7 statx(AT_FDCWD, "node_modules", 0, STATX_ALL, 0x7ff) = -1 ENOENT`,
  ].join("\n");
  assert.deepEqual(neighboursTouched(log, "/r/copydesk"), ["/r/settings.json", "/r/node_modules"]);
});

describe("missing cross tools degrade with a reason, never a mystery", () => {
  function withEnv(env: Record<string, string>, fn: () => void): void {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      fn();
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }

  test("no strip tool and no apt: the base is used unstripped", () => {
    const input = join(dir, "fake-base");
    writeFileSync(input, "ELF?");
    const arm64 = TARGETS.find((t) => t.id === "linux-arm64");
    assert.ok(arm64);
    withEnv({ PATH: mkdtempSync(join(dir, "empty-path-")), COPYDESK_NO_APT: "1" }, () => {
      const r = stripBase(arm64, input, join(dir, "never-written"));
      assert.deepEqual(r, { path: input, stripped: false, bytesBefore: 4, bytesAfter: 4 });
    });
  });

  test("no qemu and no apt: the arm64 runner says what to install", { skip: process.arch !== "x64" }, () => {
    withEnv({ PATH: mkdtempSync(join(dir, "empty-path-")), COPYDESK_NO_APT: "1" }, () => {
      const r = arm64Runner();
      assert.ok("missing" in r);
      assert.match(r.missing, /apt-get install qemu-user-static/);
    });
  });
});

test("removePeSignature drops the trailing certificate and its directory entry", () => {
  // MZ header -> PE header at 0x40 -> PE32+ optional header; certificate table = data directory 4.
  const b = Buffer.alloc(0x200 + 16);
  b.writeUInt16LE(0x5a4d, 0);
  b.writeUInt32LE(0x40, 0x3c);
  b.writeUInt32LE(0x4550, 0x40);
  b.writeUInt16LE(0x20b, 0x40 + 24);
  b.writeUInt32LE(0x200, 0x40 + 24 + 112 + 32);
  b.writeUInt32LE(16, 0x40 + 24 + 112 + 36);
  const signed = join(dir, "signed.exe");
  const unsigned = join(dir, "unsigned.exe");
  writeFileSync(signed, b);
  assert.deepEqual(peSignature(readFileSync(signed)), { offset: 0x200, size: 16 });
  removePeSignature(signed, unsigned);
  const out = readFileSync(unsigned);
  assert.equal(out.length, 0x200);
  assert.deepEqual(peSignature(out), { offset: 0, size: 0 });
});

describe("darwin signing seam", () => {
  test("a darwin target without a signer is refused before any work", async () => {
    const { buildExecutable } = await import("../../scripts/sea/executable.ts");
    const darwin = TARGETS.find((t) => t.id === "darwin-arm64");
    assert.ok(darwin);
    await assert.rejects(
      buildExecutable(darwin, { main: "x.mjs", output: join(dir, "never") }),
      /needs a signer/,
    );
  });

  test("signDarwin replaces the file with the signer's output, identifier copydesk, keeps it executable", async () => {
    const { signDarwin } = await import("../../scripts/sea/darwin.ts");
    const path = join(dir, "macho-bin");
    writeFileSync(path, Buffer.from([1, 2, 3]));
    const seen: string[] = [];
    signDarwin(path, (bin, id) => {
      seen.push(`${id}:${bin.length}`);
      return Buffer.concat([bin, Buffer.from([4])]);
    });
    assert.deepEqual(seen, ["copydesk:3"]);
    assert.deepEqual(readFileSync(path), Buffer.from([1, 2, 3, 4]));
    assert.equal(statSync(path).mode & 0o777, 0o755);
  });
});

describe("host executable", { skip: !hostTarget()?.id.startsWith("linux") && "Linux hosts only" }, () => {
  test("runs with no node on PATH, uses its code cache and reads no file next to itself", async () => {
    const main = writeEchoMain(mkdtempSync(join(dir, "main-")));
    const output = join(dir, "host", "copydesk");
    const built = await buildHostExecutable({ main, output });
    assert.equal(built.codeCache, true);
    assert.ok(built.exeBytes < built.baseBytes, "base binary was stripped");

    const cached = await probe([output], ECHO_PROBE, { env: { NODE_DEBUG_NATIVE: "SEA" } });
    assert.ok(cached.ok, cached.stderr);
    assert.match(cached.stderr, /code cache accepted/);
    assert.doesNotMatch(cached.stderr, /rejected/);

    // The release check on a one-target release: archive, SHA256SUMS, probe without node, strace.
    const { buildRelease } = await import("../../scripts/sea/pipeline.ts");
    const target = hostTarget();
    assert.ok(target);
    const outDir = join(dir, "rel");
    await buildRelease({
      main,
      outDir,
      workDir: join(dir, "work"),
      targets: [target],
      version: "0.0.0-test",
    });
    const results = await verifyRelease(outDir, { version: "0.0.0-test", targets: [target] });
    for (const r of results) assert.equal(r.status, "pass", `${r.name}: ${r.detail}`);
  });

  test("the release check fails an executable that reads a file next to itself", async (t) => {
    const strace = ensureTool("strace", ["strace"]);
    if ("missing" in strace) return t.skip(strace.missing);
    const main = writeEchoMain(mkdtempSync(join(dir, "leaky-")), { readNeighbour: true });
    const target = hostTarget();
    assert.ok(target);
    const { buildRelease } = await import("../../scripts/sea/pipeline.ts");
    const outDir = join(dir, "leaky-rel");
    await buildRelease({
      main,
      outDir,
      workDir: join(dir, "leaky-work"),
      targets: [target],
      version: "0.0.0",
    });
    const [, result] = await verifyRelease(outDir, { version: "0.0.0", targets: [target] });
    assert.equal(result?.status, "fail");
    assert.match(result?.detail ?? "", /settings\.json/);
  });
});
