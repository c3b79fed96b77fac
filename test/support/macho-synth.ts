// Builds small, valid arm64 MH_EXECUTE files for the signer tests, byte by byte, so the unit
// tests need neither the network nor a linker. Layout mirrors what ld64 emits:
//   header | __PAGEZERO | __TEXT(+__text) | [NODE_SEA(+__NODE_SEA_BLOB)] | __LINKEDIT | LC_SYMTAB
//   | [LC_CODE_SIGNATURE]  ... header padding ... __text ... [SEA blob] ... symtab, strtab, [sig]

const LC_SEGMENT_64 = 0x19;
const LC_SYMTAB = 0x2;
const LC_CODE_SIGNATURE = 0x1d;
const PAGE = 0x4000; // arm64 segment alignment
export const TEXT_SIZE = 0x8000; // 8 pages of 4 KiB to hash
export const VMADDR_BASE = 0x100000000n;

export interface SynthOptions {
  /** Adds a NODE_SEA segment holding these bytes, as LIEF/postject do for SEA. */
  seaBlob?: Uint8Array;
  /** Adds LC_CODE_SIGNATURE pointing at these bytes, placed last in __LINKEDIT. */
  oldSignature?: Uint8Array;
  /** Free bytes between the load commands and __text (ld's -headerpad). */
  headerPad?: number;
  filetype?: number;
  /** String table size; an odd value leaves __LINKEDIT ending off a 16-byte boundary. */
  strsize?: number;
}

interface SegSpec {
  name: string;
  vmaddr: bigint;
  vmsize: bigint;
  fileoff: number;
  filesize: number;
  sect?: { name: string; offset: number; size: number };
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Deterministic pseudo-random filler (LCG), so hashes are stable between runs. */
function fill(out: Uint8Array, start: number, end: number, seed: number): void {
  let x = seed >>> 0;
  for (let i = start; i < end; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
}

function putName(out: Uint8Array, off: number, name: string): void {
  out.set(new TextEncoder().encode(name), off);
}

export function synthMachO(o: SynthOptions = {}): Uint8Array {
  const sea = o.seaBlob;
  const old = o.oldSignature;
  const ncmds = 4 + (sea ? 1 : 0) + (old ? 1 : 0);
  const sizeofcmds = 72 + 152 + (sea ? 152 : 0) + 72 + 24 + (old ? 16 : 0);
  const textStart = 32 + sizeofcmds + (o.headerPad ?? 64);

  let cursor = TEXT_SIZE;
  let vm = VMADDR_BASE + BigInt(TEXT_SIZE);
  const segs: SegSpec[] = [
    { name: "__PAGEZERO", vmaddr: 0n, vmsize: VMADDR_BASE, fileoff: 0, filesize: 0 },
    {
      name: "__TEXT",
      vmaddr: VMADDR_BASE,
      vmsize: BigInt(TEXT_SIZE),
      fileoff: 0,
      filesize: TEXT_SIZE,
      sect: { name: "__text", offset: textStart, size: TEXT_SIZE - textStart },
    },
  ];
  if (sea) {
    const vmsize = BigInt(align(sea.length, PAGE));
    segs.push({
      name: "NODE_SEA",
      vmaddr: vm,
      vmsize,
      fileoff: cursor,
      filesize: sea.length,
      sect: { name: "__NODE_SEA_BLOB", offset: cursor, size: sea.length },
    });
    cursor = align(cursor + sea.length, PAGE);
    vm += vmsize;
  }
  const linkeditOff = cursor;
  const symoff = linkeditOff;
  const stroff = symoff + 2 * 16;
  const strsize = o.strsize ?? 16;
  const sigOff = old ? align(stroff + strsize, 16) : 0;
  const end = old ? sigOff + old.length : stroff + strsize;
  segs.push({
    name: "__LINKEDIT",
    vmaddr: vm,
    vmsize: BigInt(align(end - linkeditOff, PAGE)),
    fileoff: linkeditOff,
    filesize: end - linkeditOff,
  });

  const out = new Uint8Array(end);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xfeedfacf, true);
  dv.setUint32(4, 0x0100000c, true); // CPU_TYPE_ARM64
  dv.setUint32(8, 0, true);
  dv.setUint32(12, o.filetype ?? 0x2, true);
  dv.setUint32(16, ncmds, true);
  dv.setUint32(20, sizeofcmds, true);
  dv.setUint32(24, 0x00200085, true); // NOUNDEFS|DYLDLINK|TWOLEVEL|PIE

  let p = 32;
  for (const s of segs) {
    const cmdsize = 72 + (s.sect ? 80 : 0);
    dv.setUint32(p, LC_SEGMENT_64, true);
    dv.setUint32(p + 4, cmdsize, true);
    putName(out, p + 8, s.name);
    dv.setBigUint64(p + 24, s.vmaddr, true);
    dv.setBigUint64(p + 32, s.vmsize, true);
    dv.setBigUint64(p + 40, BigInt(s.fileoff), true);
    dv.setBigUint64(p + 48, BigInt(s.filesize), true);
    const prot = s.name === "__TEXT" ? 5 : s.name === "__PAGEZERO" ? 0 : 1;
    dv.setUint32(p + 56, prot, true);
    dv.setUint32(p + 60, prot, true);
    dv.setUint32(p + 64, s.sect ? 1 : 0, true);
    if (s.sect) {
      const q = p + 72;
      putName(out, q, s.sect.name);
      putName(out, q + 16, s.name);
      dv.setBigUint64(q + 32, s.vmaddr + BigInt(s.sect.offset - s.fileoff), true);
      dv.setBigUint64(q + 40, BigInt(s.sect.size), true);
      dv.setUint32(q + 48, s.sect.offset, true);
    }
    p += cmdsize;
  }
  dv.setUint32(p, LC_SYMTAB, true);
  dv.setUint32(p + 4, 24, true);
  dv.setUint32(p + 8, symoff, true);
  dv.setUint32(p + 12, 2, true);
  dv.setUint32(p + 16, stroff, true);
  dv.setUint32(p + 20, strsize, true);
  p += 24;
  if (old) {
    dv.setUint32(p, LC_CODE_SIGNATURE, true);
    dv.setUint32(p + 4, 16, true);
    dv.setUint32(p + 8, sigOff, true);
    dv.setUint32(p + 12, old.length, true);
    out.set(old, sigOff);
  }

  // __text: random bytes, except the last 4 KiB page which stays zero (a known page hash).
  fill(out, textStart, TEXT_SIZE - 0x1000, 1);
  if (sea) out.set(sea, TEXT_SIZE);
  fill(out, symoff, stroff + strsize, 2);
  return out;
}

/**
 * A stand-in for a stale Developer ID signature: a SuperBlob with a non-ad-hoc CodeDirectory
 * header (flags CS_RUNTIME) and a large CMS wrapper, like Node's release binaries carry.
 */
export function fakeDeveloperIdSignature(cmsBytes: number): Uint8Array {
  const cdLen = 88;
  const total = 12 + 16 + cdLen + 8 + cmsBytes;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xfade0cc0);
  dv.setUint32(4, total);
  dv.setUint32(8, 2);
  dv.setUint32(12, 0);
  dv.setUint32(16, 28);
  dv.setUint32(20, 0x10000);
  dv.setUint32(24, 28 + cdLen);
  dv.setUint32(28, 0xfade0c02);
  dv.setUint32(32, cdLen);
  dv.setUint32(36, 0x20500);
  dv.setUint32(40, 0x10000);
  dv.setUint32(28 + cdLen, 0xfade0b01);
  dv.setUint32(28 + cdLen + 4, 8 + cmsBytes);
  fill(out, 28 + cdLen + 8, total, 3);
  return out;
}
