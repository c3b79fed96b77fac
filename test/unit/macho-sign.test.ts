// Tests for the ad-hoc Mach-O signer (scripts/macho). Three layers, the first two here:
//  1. synthetic arm64 executables built in memory (test/support/macho-synth.ts): every code path,
//     no network, no tools;
//  2. ld64.lld outputs committed under test/fixtures/macho: an independent signer to agree with;
//  3. the real Node 26.10.0 darwin-arm64 release binary: test/release/macho-real-binary.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parseMachO } from "../../scripts/macho/macho.ts";
import { adhocSign, verifyAdhocSignature } from "../../scripts/macho/sign.ts";
import { fakeDeveloperIdSignature, synthMachO, TEXT_SIZE } from "../support/macho-synth.ts";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "macho");
const be32 = (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset).getUint32(off);
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const sha256hex = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
// Independent vectors, as printed by Apple's `codesign -dv --verbose=6` for ad-hoc binaries:
// special slot -2 (empty requirement set) and the hash of an all-zero 4 KiB page.
const EMPTY_REQUIREMENTS_SHA256 = "987920904eab650e75788c054aa0b0524e6a80bfc71aa32df8d237a61743f986";
const ZERO_PAGE_SHA256 = "ad7facb2586fc6e966c004d7d1d16b024f5805ff7cb47c7a85dabd8b48892ca7";

/** The CodeDirectory of a signed file: [offset in file, hashOffset, nSpecialSlots, nCodeSlots]. */
function codeDirectory(signed: Uint8Array): {
  cd: number;
  hashOffset: number;
  nSpecial: number;
  nCode: number;
} {
  const sig = parseMachO(signed).codeSignature;
  assert.ok(sig);
  const cd = sig.dataoff + be32(signed, sig.dataoff + 16);
  return {
    cd,
    hashOffset: be32(signed, cd + 16),
    nSpecial: be32(signed, cd + 24),
    nCode: be32(signed, cd + 28),
  };
}

function pageHash(signed: Uint8Array, slot: number): string {
  const { cd, hashOffset } = codeDirectory(signed);
  const at = cd + hashOffset + slot * 32;
  return hex(signed.subarray(at, at + 32));
}

function countMagic(b: Uint8Array, magic: number): number {
  let n = 0;
  for (let i = 0; i + 4 <= b.length; i += 4) if (be32(b, i) === magic) n++;
  return n;
}

describe("adhocSign on synthetic Mach-O files", () => {
  test("adds LC_CODE_SIGNATURE to an unsigned binary and verifies", () => {
    const input = synthMachO();
    const before = Uint8Array.from(input);
    const signed = adhocSign(input, "com.example.copydesk");
    assert.deepEqual(input, before, "input buffer must not be modified");

    const m0 = parseMachO(input);
    const m1 = parseMachO(signed);
    assert.equal(m1.ncmds, m0.ncmds + 1);
    assert.equal(m1.sizeofcmds, m0.sizeofcmds + 16);
    const sig = m1.codeSignature;
    assert.ok(sig);
    assert.equal(sig.dataoff, Math.ceil(input.length / 16) * 16);
    assert.equal(sig.dataoff + sig.datasize, signed.length);
    const linkedit = m1.segments.find((s) => s.name === "__LINKEDIT");
    assert.ok(linkedit);
    assert.equal(linkedit.fileoff + linkedit.filesize, BigInt(signed.length));
    assert.equal(linkedit.vmsize % 0x4000n, 0n);
    assert.ok(linkedit.vmsize >= linkedit.filesize);

    const info = verifyAdhocSignature(signed);
    assert.deepEqual(info, {
      identifier: "com.example.copydesk",
      pageSize: 4096,
      codeLimit: sig.dataoff,
      nCodeSlots: Math.ceil(sig.dataoff / 4096),
      hashType: "sha256",
      flags: 0x2,
      execSegBase: 0n,
      execSegLimit: BigInt(TEXT_SIZE),
      execSegFlags: 1n,
    });
  });

  test("SuperBlob has the shape `codesign -s -` writes", () => {
    const signed = adhocSign(synthMachO(), "id");
    const sig = parseMachO(signed).codeSignature;
    assert.ok(sig);
    const s = sig.dataoff;
    assert.equal(be32(signed, s), 0xfade0cc0);
    assert.equal(be32(signed, s + 4), sig.datasize);
    assert.equal(be32(signed, s + 8), 3);
    const { cd, hashOffset, nSpecial, nCode } = codeDirectory(signed);
    const cdLen = be32(signed, cd + 4);
    const slots = [0, 1, 2].map((i) => [be32(signed, s + 12 + 8 * i), be32(signed, s + 16 + 8 * i)]);
    assert.deepEqual(slots, [
      [0, 36],
      [2, 36 + cdLen],
      [0x10000, 36 + cdLen + 12],
    ]);
    assert.equal(
      hex(signed.subarray(s + 36 + cdLen, sig.dataoff + sig.datasize)),
      "fade0c010000000c00000000fade0b0100000008",
    );
    assert.equal(be32(signed, cd), 0xfade0c02);
    assert.equal(be32(signed, cd + 8), 0x20400);
    assert.equal(be32(signed, cd + 12), 0x2, "CS_ADHOC without CS_LINKER_SIGNED");
    assert.equal(be32(signed, cd + 20), 88, "identOffset");
    assert.equal(nSpecial, 2);
    assert.equal(hashOffset, 88 + "id".length + 1 + 2 * 32);
    assert.equal(cdLen, hashOffset + nCode * 32);
    assert.equal(
      hex(signed.subarray(cd + 36, cd + 40)),
      "2002000c",
      "hashSize 32, SHA-256, platform 0, 2^12",
    );
    assert.equal(new TextDecoder().decode(signed.subarray(cd + 88, cd + 91)), "id\0");
    assert.equal(pageHash(signed, -2), EMPTY_REQUIREMENTS_SHA256);
    assert.equal(pageHash(signed, -1), "00".repeat(32), "no Info.plist");
    assert.equal(pageHash(signed, TEXT_SIZE / 4096 - 1), ZERO_PAGE_SHA256, "last __TEXT page is zero");
    assert.equal(pageHash(signed, 1), sha256hex(signed.subarray(4096, 8192)));
  });

  test("pads to a 16-byte boundary when __LINKEDIT ends unaligned (as postject leaves it)", () => {
    const input = synthMachO({ strsize: 13 });
    assert.notEqual(input.length % 16, 0);
    const signed = adhocSign(input, "copydesk");
    const info = verifyAdhocSignature(signed);
    assert.equal(info.codeLimit, input.length + 3);
    assert.deepEqual(signed.subarray(input.length, info.codeLimit), new Uint8Array(3));
    assert.deepEqual(signed.subarray(4096, input.length), input.subarray(4096), "content unchanged");
  });

  test("signing twice is byte-for-byte idempotent", () => {
    const once = adhocSign(synthMachO(), "copydesk");
    const twice = adhocSign(once, "copydesk");
    assert.equal(twice.length, once.length);
    assert.deepEqual(twice, once);
    verifyAdhocSignature(twice);
    // A different identifier changes only the signature's size, not where it starts.
    const renamed = adhocSign(once, "copydesk-longer-identifier");
    assert.equal(renamed.length, once.length + "-longer-identifier".length);
    assert.equal(verifyAdhocSignature(renamed).codeLimit, verifyAdhocSignature(once).codeLimit);
  });

  test("a one-byte change anywhere in the signed range makes verify throw", () => {
    const signed = adhocSign(synthMachO(), "copydesk");
    const code = Uint8Array.from(signed);
    code[3 * 4096 + 17] = (code[3 * 4096 + 17] ?? 0) ^ 1;
    assert.throws(() => verifyAdhocSignature(code), /page 3 \(file offset 0x3000\) hash mismatch/);

    const header = Uint8Array.from(signed);
    header[24] = (header[24] ?? 0) ^ 0x80; // mach_header flags
    assert.throws(() => verifyAdhocSignature(header), /page 0 .*hash mismatch/);

    const { cd } = codeDirectory(signed);
    const flags = Uint8Array.from(signed);
    flags[cd + 15] = 0; // clear CS_ADHOC
    assert.throws(() => verifyAdhocSignature(flags), /lack CS_ADHOC/);

    const ident = Uint8Array.from(signed);
    ident[cd + 88] = 0x43; // the identifier is covered by the cdhash, not by page hashes...
    assert.equal(verifyAdhocSignature(ident).identifier, "Copydesk"); // ...so it is reported as read

    const magic = Uint8Array.from(signed);
    magic[cd + 3] = 0x03;
    assert.throws(() => verifyAdhocSignature(magic), /CodeDirectory magic 0xfade0c03 != 0xfade0c02/);

    const reqs = Uint8Array.from(signed);
    reqs[signed.length - 9] = 1; // count of the requirements set
    assert.throws(() => verifyAdhocSignature(reqs), /special slot -2 hash mismatch/);

    assert.throws(() => verifyAdhocSignature(signed.subarray(0, signed.length - 1)), /signature ends at/);
    assert.throws(() => verifyAdhocSignature(synthMachO()), /no LC_CODE_SIGNATURE/);
  });

  test("an existing signature is replaced in place, not appended", () => {
    for (const cmsBytes of [9000, 10]) {
      const old = fakeDeveloperIdSignature(cmsBytes);
      const input = synthMachO({ oldSignature: old });
      const oldSig = parseMachO(input).codeSignature;
      assert.ok(oldSig);
      assert.throws(() => verifyAdhocSignature(input), /lack CS_ADHOC/);

      const signed = adhocSign(input, "copydesk");
      const m = parseMachO(signed);
      assert.equal(m.ncmds, parseMachO(input).ncmds, "no second LC_CODE_SIGNATURE");
      assert.equal(m.codeSignature?.dataoff, oldSig.dataoff, "same offset as the old signature");
      assert.equal(signed.length, oldSig.dataoff + (m.codeSignature?.datasize ?? 0), "old bytes truncated");
      assert.equal(countMagic(signed, 0xfade0cc0), 1, "exactly one SuperBlob in the file");
      assert.deepEqual(signed.subarray(0, 1000), adhocSign(input, "copydesk").subarray(0, 1000));
      assert.equal(verifyAdhocSignature(signed).codeLimit, oldSig.dataoff);
    }
  });

  test("a SEA-injected binary (NODE_SEA segment, stale signature) signs and keeps the blob", () => {
    const blob = new TextEncoder().encode("NODE_SEA_FUSE blob ".repeat(700));
    const input = synthMachO({ seaBlob: blob, oldSignature: fakeDeveloperIdSignature(3000) });
    const signed = adhocSign(input, "copydesk");
    const sea = parseMachO(signed).segments.find((s) => s.name === "NODE_SEA");
    assert.ok(sea);
    assert.equal(sea.sections[0]?.sectname, "__NODE_SEA_BLOB");
    assert.deepEqual(signed.subarray(Number(sea.fileoff), Number(sea.fileoff) + blob.length), blob);
    const info = verifyAdhocSignature(signed);
    assert.ok(info.codeLimit > Number(sea.fileoff + sea.filesize), "the blob is covered by page hashes");
    // Without any LC_CODE_SIGNATURE (what `node --build-sea` leaves) the command is added.
    const stripped = synthMachO({ seaBlob: blob });
    assert.equal(parseMachO(adhocSign(stripped, "copydesk")).ncmds, parseMachO(stripped).ncmds + 1);
    verifyAdhocSignature(adhocSign(stripped, "copydesk"));
  });

  test("unsupported inputs fail with a clear error", () => {
    const fat = new Uint8Array(64);
    new DataView(fat.buffer).setUint32(0, 0xcafebabe);
    assert.throws(() => adhocSign(fat, "x"), /fat \(universal\) Mach-O is not supported/);
    const thin32 = new Uint8Array(64);
    new DataView(thin32.buffer).setUint32(0, 0xfeedface, true);
    assert.throws(() => adhocSign(thin32, "x"), /32-bit Mach-O \(MH_MAGIC\) is not supported/);
    const bigEndian = new Uint8Array(64);
    new DataView(bigEndian.buffer).setUint32(0, 0xfeedfacf);
    assert.throws(() => adhocSign(bigEndian, "x"), /big-endian Mach-O is not supported/);
    assert.throws(() => adhocSign(new TextEncoder().encode("#!/bin/sh\n"), "x"), /not a Mach-O file/);
    assert.throws(() => verifyAdhocSignature(fat), /fat \(universal\)/);

    assert.throws(
      () => adhocSign(synthMachO({ headerPad: 8 }), "x"),
      /no room for LC_CODE_SIGNATURE: 8 free bytes/,
    );
    assert.doesNotThrow(() => adhocSign(synthMachO({ headerPad: 16 }), "x"));
    const dirty = synthMachO();
    dirty[parseMachO(dirty).loadCommandsEnd + 5] = 1;
    assert.throws(() => adhocSign(dirty, "x"), /16 bytes after the load commands are not zero/);
    assert.throws(() => adhocSign(synthMachO(), ""), /identifier must not be empty/);
    // A stale LC_CODE_SIGNATURE that no longer points past the linker data is refused, not
    // trusted: signing there would overwrite the symbol table.
    const stale = synthMachO({ oldSignature: fakeDeveloperIdSignature(100) });
    const staleCmd = parseMachO(stale).codeSignature?.cmdOffset ?? 0;
    const linkeditOff = Number(parseMachO(stale).segments.find((s) => s.name === "__LINKEDIT")?.fileoff);
    new DataView(stale.buffer).setUint32(staleCmd + 8, linkeditOff, true);
    assert.throws(
      () => adhocSign(stale, "x"),
      /linker data in __LINKEDIT runs to \d+, past the signature offset/,
    );
    new DataView(stale.buffer).setUint32(staleCmd + 8, 0, true);
    assert.throws(() => adhocSign(stale, "x"), /LC_CODE_SIGNATURE dataoff 0 is outside __LINKEDIT/);
    const trailing = new Uint8Array([...synthMachO(), 1, 2, 3]);
    assert.throws(() => adhocSign(trailing, "x"), /__LINKEDIT ends at \d+ but the file is \d+ bytes/);
    const truncated = synthMachO().subarray(0, 100);
    assert.throws(() => adhocSign(truncated, "x"), /run past the end of the file/);
  });
});

// Cross-check against an independent implementation: LLVM lld's ad-hoc ("linker-signed")
// signer. Fixtures are produced by test/fixtures/macho/make-fixtures.sh and committed.
describe("cross-check with ld64.lld output", () => {
  for (const arch of ["arm64", "x86_64"]) {
    test(`${arch}: verify accepts lld's signature; re-signing reproduces its page hashes`, () => {
      const lld = readFileSync(path.join(FIXTURES, `lld-${arch}-adhoc`));
      const info = verifyAdhocSignature(lld);
      assert.equal(info.flags, 0x20002, "lld writes CS_ADHOC|CS_LINKER_SIGNED");
      assert.equal(info.identifier, `lld-${arch}-adhoc`);

      const ours = adhocSign(lld, "copydesk");
      const mine = verifyAdhocSignature(ours);
      for (const k of [
        "codeLimit",
        "nCodeSlots",
        "pageSize",
        "execSegBase",
        "execSegLimit",
        "execSegFlags",
      ]) {
        assert.equal(mine[k as keyof typeof mine], info[k as keyof typeof info], k);
      }
      for (let i = 1; i < info.nCodeSlots; i++)
        assert.equal(pageHash(ours, i), pageHash(lld, i), `page ${i}`);
      // Page 0 differs only where the signer must change the header: LC_CODE_SIGNATURE
      // datasize and __LINKEDIT vmsize/filesize.
      const m = parseMachO(lld);
      const linkedit = m.segments.find((s) => s.name === "__LINKEDIT");
      assert.ok(linkedit && m.codeSignature);
      const allowed = new Set<number>();
      for (let b = 0; b < 4; b++) allowed.add(m.codeSignature.cmdOffset + 12 + b);
      for (let b = 0; b < 8; b++) allowed.add(linkedit.cmdOffset + 32 + b).add(linkedit.cmdOffset + 48 + b);
      for (let i = 0; i < info.codeLimit; i++) {
        if (ours[i] !== lld[i]) assert.ok(allowed.has(i), `unexpected change at byte ${i}`);
      }
    });

    test(`${arch}: signing lld's unsigned output puts the signature where lld does`, () => {
      const unsigned = readFileSync(path.join(FIXTURES, `lld-${arch}-no_adhoc`));
      const lld = verifyAdhocSignature(readFileSync(path.join(FIXTURES, `lld-${arch}-adhoc`)));
      const ours = verifyAdhocSignature(adhocSign(unsigned, "copydesk"));
      assert.equal(ours.codeLimit, lld.codeLimit);
      assert.equal(ours.execSegLimit, lld.execSegLimit);
      assert.equal(ours.execSegFlags, lld.execSegFlags);
    });
  }
});

test("cli.ts signs a file in place and reports failures with a non-zero exit", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "copydesk-cli-"));
  try {
    const file = path.join(dir, "app");
    writeFileSync(file, readFileSync(path.join(FIXTURES, "lld-arm64-no_adhoc")));
    const cli = path.join(import.meta.dirname, "..", "..", "scripts", "macho", "cli.ts");
    assert.throws(
      () => execFileSync(process.execPath, [cli, "verify", file], { stdio: "pipe" }),
      /no LC_CODE/,
    );
    const out = execFileSync(process.execPath, [cli, "sign", file, "copydesk"], { encoding: "utf8" });
    assert.equal(JSON.parse(out).identifier, "copydesk");
    assert.equal(verifyAdhocSignature(readFileSync(file)).flags, 0x2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
