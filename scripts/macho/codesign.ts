// Builds the embedded code signature (a SuperBlob holding a CodeDirectory); verify.ts reads it.
//
// Struct layouts and constants: xnu osfmk/kern/cs_blobs.h (CS_SuperBlob, CS_BlobIndex,
// CS_CodeDirectory up to the execSeg fields of version 0x20400). All fields are big-endian.
// The overall recipe follows the Go linker's ad-hoc signer (go/src/cmd/internal/codesign/
// codesign.go): one SHA-256 hash per 4 KiB page of the file up to the signature, codeLimit =
// signature offset, execSeg = the __TEXT segment. Where we differ from Go we follow what
// Apple's `codesign -s -` writes (Security/libsecurity_codesigning/lib/signer.cpp):
//  - blobs: CodeDirectory (slot 0), an empty Requirements set (slot 2, 12 bytes) and an empty
//    CMS BlobWrapper (slot 0x10000); signer.cpp's signCodeDirectory() returns empty data for
//    the null (ad-hoc) identity and signMachO() still adds it as cdSignatureSlot. The
//    CodeDirectory therefore has nSpecialSlots = 2 (slot -1, Info.plist, is zero).
//  - flags: CS_ADHOC only, not CS_ADHOC|CS_LINKER_SIGNED. CS_LINKER_SIGNED asserts "this is
//    the untouched output of ld" (Apple: "signed by the linker and not an invocation of
//    codesign"); such signatures are placeholders that codesign replaces, with flags=0x2, when
//    anything re-signs the file. A binary rewritten after linking (SEA injection) is exactly
//    that case, and a plain ad-hoc CodeDirectory is what the kernel/AMFI have always accepted
//    for a main executable. There are also third-party reports of macOS 26 killing
//    linker-signed (0x20002) dylibs loaded with dlopen(), fixed by re-signing them to 0x2.
//    Checked against `codesign -dv --verbose=6` output quoted in anchore/quill's tests: an
//    ad-hoc signature shows special slots -2 = sha256(empty requirements), -1 = zeros.
//  - no CS_RUNTIME (hardened runtime): without it, V8's JIT (MAP_JIT) needs no entitlements,
//    so the Developer ID signature's entitlements can be dropped as `codesign -s -` does.

import { hash } from "node:crypto";

export const CSMAGIC_REQUIREMENTS = 0xfade0c01;
export const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
export const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
export const CSMAGIC_BLOBWRAPPER = 0xfade0b01;
export const CSSLOT_CODEDIRECTORY = 0;
export const CSSLOT_INFOSLOT = 1;
export const CSSLOT_REQUIREMENTS = 2;
export const CSSLOT_SIGNATURESLOT = 0x10000;
export const CS_ADHOC = 0x2;
export const CS_LINKER_SIGNED = 0x20000;
export const CS_HASHTYPE_SHA256 = 2;
export const CS_SUPPORTSEXECSEG = 0x20400;
export const CS_EXECSEG_MAIN_BINARY = 0x1n;
export const PAGE_SIZE_BITS = 12;
export const HASH_SIZE = 32;

/** sizeof(CS_CodeDirectory) for version 0x20400, i.e. up to and including execSegFlags. */
export const CODE_DIRECTORY_HEADER_SIZE = 88;
const SUPERBLOB_HEADER_SIZE = 12;
const BLOB_INDEX_SIZE = 8;
const N_BLOBS = 3;
const N_SPECIAL_SLOTS = CSSLOT_REQUIREMENTS;
/** Empty internal-requirements set: magic, length 12, count 0 (what codesign -s - writes). */
const EMPTY_REQUIREMENTS = blob(CSMAGIC_REQUIREMENTS, 12, [0]);
const EMPTY_CMS_WRAPPER = blob(CSMAGIC_BLOBWRAPPER, 8, []);

export interface CodeDirectoryParams {
  identifier: string;
  /** Bytes covered by page hashes: file offset where the signature starts. */
  codeLimit: number;
  execSegBase: bigint;
  execSegLimit: bigint;
  execSegFlags: bigint;
}

function blob(magic: number, length: number, words: number[]): Uint8Array {
  const out = new Uint8Array(length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, magic);
  dv.setUint32(4, length);
  words.forEach((w, i) => {
    dv.setUint32(8 + 4 * i, w);
  });
  return out;
}

export function sha256(data: Uint8Array): Uint8Array {
  return hash("sha256", data, "buffer");
}

export function pageCount(codeLimit: number, pageSize: number): number {
  return Math.ceil(codeLimit / pageSize);
}

function encodeIdentifier(identifier: string): Uint8Array {
  if (identifier.length === 0) throw new Error("identifier must not be empty");
  if (identifier.includes("\0")) throw new Error("identifier must not contain NUL");
  return new TextEncoder().encode(identifier);
}

function codeDirectorySize(identifier: Uint8Array, codeLimit: number): number {
  const slots = N_SPECIAL_SLOTS + pageCount(codeLimit, 1 << PAGE_SIZE_BITS);
  return CODE_DIRECTORY_HEADER_SIZE + identifier.length + 1 + slots * HASH_SIZE;
}

/** Exact byte length of the SuperBlob adhocSignature() will produce. */
export function signatureSize(identifier: string, codeLimit: number): number {
  const cd = codeDirectorySize(encodeIdentifier(identifier), codeLimit);
  const header = SUPERBLOB_HEADER_SIZE + N_BLOBS * BLOB_INDEX_SIZE;
  return header + cd + EMPTY_REQUIREMENTS.length + EMPTY_CMS_WRAPPER.length;
}

/**
 * Builds the SuperBlob for `code` (the file's bytes [0, codeLimit), with load commands
 * already pointing at where the signature will be written).
 */
export function adhocSignature(code: Uint8Array, p: CodeDirectoryParams): Uint8Array {
  if (code.length !== p.codeLimit) throw new Error(`code is ${code.length} bytes, codeLimit ${p.codeLimit}`);
  if (p.codeLimit > 0xffffffff) throw new Error("files over 4 GiB need codeLimit64; not supported");
  const ident = encodeIdentifier(p.identifier);
  const pageSize = 1 << PAGE_SIZE_BITS;
  const nCodeSlots = pageCount(p.codeLimit, pageSize);
  const cdSize = codeDirectorySize(ident, p.codeLimit);
  const total = signatureSize(p.identifier, p.codeLimit);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);

  // SuperBlob header and index, blobs in ascending slot order as Apple's SuperBlob maker does.
  const cdOff = SUPERBLOB_HEADER_SIZE + N_BLOBS * BLOB_INDEX_SIZE;
  const reqOff = cdOff + cdSize;
  const cmsOff = reqOff + EMPTY_REQUIREMENTS.length;
  dv.setUint32(0, CSMAGIC_EMBEDDED_SIGNATURE);
  dv.setUint32(4, total);
  dv.setUint32(8, N_BLOBS);
  const index: [number, number][] = [
    [CSSLOT_CODEDIRECTORY, cdOff],
    [CSSLOT_REQUIREMENTS, reqOff],
    [CSSLOT_SIGNATURESLOT, cmsOff],
  ];
  index.forEach(([slot, off], i) => {
    dv.setUint32(SUPERBLOB_HEADER_SIZE + i * BLOB_INDEX_SIZE, slot);
    dv.setUint32(SUPERBLOB_HEADER_SIZE + i * BLOB_INDEX_SIZE + 4, off);
  });
  out.set(EMPTY_REQUIREMENTS, reqOff);
  out.set(EMPTY_CMS_WRAPPER, cmsOff);

  // CodeDirectory: header, identifier (C string), special slot hashes (slot -2 first), page hashes.
  const identOffset = CODE_DIRECTORY_HEADER_SIZE;
  const hashOffset = identOffset + ident.length + 1 + N_SPECIAL_SLOTS * HASH_SIZE;
  const c = cdOff;
  dv.setUint32(c + 0, CSMAGIC_CODEDIRECTORY);
  dv.setUint32(c + 4, cdSize);
  dv.setUint32(c + 8, CS_SUPPORTSEXECSEG);
  dv.setUint32(c + 12, CS_ADHOC);
  dv.setUint32(c + 16, hashOffset);
  dv.setUint32(c + 20, identOffset);
  dv.setUint32(c + 24, N_SPECIAL_SLOTS);
  dv.setUint32(c + 28, nCodeSlots);
  dv.setUint32(c + 32, p.codeLimit);
  dv.setUint8(c + 36, HASH_SIZE);
  dv.setUint8(c + 37, CS_HASHTYPE_SHA256);
  dv.setUint8(c + 38, 0); // platform
  dv.setUint8(c + 39, PAGE_SIZE_BITS);
  // spare2, scatterOffset, teamOffset, spare3, codeLimit64 stay zero.
  dv.setBigUint64(c + 64, p.execSegBase);
  dv.setBigUint64(c + 72, p.execSegLimit);
  dv.setBigUint64(c + 80, p.execSegFlags);
  out.set(ident, c + identOffset);
  out.set(sha256(EMPTY_REQUIREMENTS), c + hashOffset - CSSLOT_REQUIREMENTS * HASH_SIZE);
  for (let i = 0; i < nCodeSlots; i++) {
    const page = code.subarray(i * pageSize, Math.min((i + 1) * pageSize, p.codeLimit));
    out.set(sha256(page), c + hashOffset + i * HASH_SIZE);
  }
  return out;
}
