// Independent check of an embedded ad-hoc signature: re-reads every structure from the file,
// recomputes every page hash and the special-slot hashes, and checks the fields the kernel
// relies on (cs_blobs.h; xnu bsd/kern/ubc_subr.c cs_validate_codedirectory and friends).
// It deliberately does not reuse the builder, so a builder bug cannot hide itself.

import {
  CODE_DIRECTORY_HEADER_SIZE,
  CS_ADHOC,
  CS_EXECSEG_MAIN_BINARY,
  CS_HASHTYPE_SHA256,
  CS_SUPPORTSEXECSEG,
  CSMAGIC_CODEDIRECTORY,
  CSMAGIC_EMBEDDED_SIGNATURE,
  CSSLOT_CODEDIRECTORY,
  HASH_SIZE,
  pageCount,
  sha256,
} from "./codesign.ts";
import { findSegment, MH_EXECUTE, parseMachO } from "./macho.ts";

export interface AdhocSignatureInfo {
  identifier: string;
  pageSize: number;
  codeLimit: number;
  nCodeSlots: number;
  hashType: "sha256";
  flags: number;
  execSegBase: bigint;
  execSegLimit: bigint;
  execSegFlags: bigint;
}

/** Special slots are numbered 1..0xfff; 0 is the CodeDirectory, 0x1000+ alternates/CMS. */
const MAX_SPECIAL_SLOT = 0xfff;

const hex = (n: number | bigint): string => `0x${n.toString(16)}`;
const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function check(cond: boolean, message: string): asserts cond {
  if (!cond) throw new Error(`invalid ad-hoc signature: ${message}`);
}

/** Parses and checks a signature; throws Error with a precise message if anything is wrong. */
export function verifyAdhocSignature(binary: Uint8Array): AdhocSignatureInfo {
  const m = parseMachO(binary);
  const cs = m.codeSignature;
  check(cs !== undefined, "no LC_CODE_SIGNATURE load command");
  const { dataoff, datasize } = cs;
  check(dataoff % 16 === 0, `LC_CODE_SIGNATURE dataoff ${dataoff} is not 16-byte aligned`);
  check(
    dataoff + datasize === binary.length,
    `signature ends at ${dataoff + datasize}, file is ${binary.length}`,
  );
  const linkedit = findSegment(m, "__LINKEDIT");
  check(
    BigInt(dataoff) >= linkedit.fileoff &&
      BigInt(dataoff + datasize) === linkedit.fileoff + linkedit.filesize,
    "signature is not at the end of __LINKEDIT",
  );
  for (const seg of m.segments) {
    check(
      seg === linkedit || seg.fileoff + seg.filesize <= BigInt(dataoff),
      `segment ${seg.name} is past codeLimit`,
    );
  }

  const sig = binary.subarray(dataoff, dataoff + datasize);
  const sv = new DataView(sig.buffer, sig.byteOffset, sig.byteLength);
  check(sig.length >= 12, `LC_CODE_SIGNATURE datasize ${datasize} is too small for a SuperBlob`);
  check(
    sv.getUint32(0) === CSMAGIC_EMBEDDED_SIGNATURE,
    `SuperBlob magic ${hex(sv.getUint32(0))} != 0xfade0cc0`,
  );
  const sbLength = sv.getUint32(4);
  const count = sv.getUint32(8);
  check(sbLength <= datasize, `SuperBlob length ${sbLength} exceeds datasize ${datasize}`);
  check(12 + count * 8 <= sbLength, `SuperBlob index of ${count} entries overflows its length`);

  // Blob index: every blob must lie inside the SuperBlob.
  const blobs = new Map<number, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const slot = sv.getUint32(12 + i * 8);
    const off = sv.getUint32(16 + i * 8);
    check(off + 8 <= sbLength, `blob for slot ${hex(slot)} starts outside the SuperBlob`);
    const len = sv.getUint32(off + 4);
    check(len >= 8 && off + len <= sbLength, `blob for slot ${hex(slot)} has bad length ${len}`);
    check(!blobs.has(slot), `slot ${hex(slot)} appears twice`);
    blobs.set(slot, sig.subarray(off, off + len));
  }
  const cd = blobs.get(CSSLOT_CODEDIRECTORY);
  check(cd !== undefined, "no CodeDirectory (slot 0) in the SuperBlob");
  const cv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  check(cd.length >= CODE_DIRECTORY_HEADER_SIZE, `CodeDirectory is only ${cd.length} bytes`);
  check(
    cv.getUint32(0) === CSMAGIC_CODEDIRECTORY,
    `CodeDirectory magic ${hex(cv.getUint32(0))} != 0xfade0c02`,
  );

  const version = cv.getUint32(8);
  const flags = cv.getUint32(12);
  const hashOffset = cv.getUint32(16);
  const identOffset = cv.getUint32(20);
  const nSpecialSlots = cv.getUint32(24);
  const nCodeSlots = cv.getUint32(28);
  const codeLimit = cv.getUint32(32);
  const hashSize = cv.getUint8(36);
  const hashType = cv.getUint8(37);
  const pageShift = cv.getUint8(39);
  check(version >= CS_SUPPORTSEXECSEG, `CodeDirectory version ${hex(version)} < 0x20400 (no execSeg fields)`);
  check((flags & CS_ADHOC) !== 0, `flags ${hex(flags)} lack CS_ADHOC: not an ad-hoc signature`);
  check(hashSize === HASH_SIZE, `hashSize ${hashSize} != 32`);
  check(hashType === CS_HASHTYPE_SHA256, `hashType ${hashType} is not SHA-256 (2)`);
  check(pageShift >= 12 && pageShift <= 16, `page size 2^${pageShift} is not between 4 KiB and 64 KiB`);
  check(cv.getUint32(44) === 0, "scatter vectors are not supported");
  check(cv.getBigUint64(56) === 0n, "codeLimit64 is set");
  check(codeLimit === dataoff, `codeLimit ${codeLimit} != signature offset ${dataoff}`);
  const pageSize = 1 << pageShift;
  check(nCodeSlots === pageCount(codeLimit, pageSize), `nCodeSlots ${nCodeSlots} does not cover codeLimit`);

  // Identifier: NUL-terminated, entirely before the special-slot hashes.
  const specialStart = hashOffset - nSpecialSlots * HASH_SIZE;
  check(identOffset >= CODE_DIRECTORY_HEADER_SIZE && identOffset < specialStart, "identOffset out of range");
  const nul = cd.indexOf(0, identOffset);
  check(nul !== -1 && nul < specialStart, "identifier is not NUL-terminated before the hashes");
  const identifier = new TextDecoder().decode(cd.subarray(identOffset, nul));
  check(identifier.length > 0, "identifier is empty");
  check(hashOffset + nCodeSlots * HASH_SIZE <= cd.length, "page hashes run past the CodeDirectory");

  // Special slots: each present component must hash to its slot; unused slots must be zero.
  for (let slot = 1; slot <= nSpecialSlots; slot++) {
    const stored = cd.subarray(hashOffset - slot * HASH_SIZE, hashOffset - (slot - 1) * HASH_SIZE);
    const component = blobs.get(slot);
    if (component) check(equal(stored, sha256(component)), `special slot -${slot} hash mismatch`);
    else
      check(
        stored.every((b) => b === 0),
        `special slot -${slot} is set but slot ${slot} has no blob`,
      );
  }
  for (const slot of blobs.keys()) {
    check(
      slot === 0 || slot > MAX_SPECIAL_SLOT || slot <= nSpecialSlots,
      `blob in slot ${slot} is not hashed`,
    );
  }

  for (let i = 0; i < nCodeSlots; i++) {
    const page = binary.subarray(i * pageSize, Math.min((i + 1) * pageSize, codeLimit));
    const stored = cd.subarray(hashOffset + i * HASH_SIZE, hashOffset + (i + 1) * HASH_SIZE);
    check(equal(stored, sha256(page)), `page ${i} (file offset ${hex(i * pageSize)}) hash mismatch`);
  }

  const text = findSegment(m, "__TEXT");
  const execSegBase = cv.getBigUint64(64);
  const execSegLimit = cv.getBigUint64(72);
  const execSegFlags = cv.getBigUint64(80);
  check(
    execSegBase === text.fileoff,
    `execSegBase ${hex(execSegBase)} != __TEXT fileoff ${hex(text.fileoff)}`,
  );
  check(execSegLimit === text.filesize, `execSegLimit ${hex(execSegLimit)} != __TEXT filesize`);
  const main = (execSegFlags & CS_EXECSEG_MAIN_BINARY) !== 0n;
  check(main === (m.filetype === MH_EXECUTE), `CS_EXECSEG_MAIN_BINARY is ${main} for filetype ${m.filetype}`);

  return {
    identifier,
    pageSize,
    codeLimit,
    nCodeSlots,
    hashType: "sha256",
    flags,
    execSegBase,
    execSegLimit,
    execSegFlags,
  };
}
