// Minimal reader for thin, little-endian, 64-bit Mach-O files: header, load commands,
// LC_SEGMENT_64 (with sections) and LC_CODE_SIGNATURE. Only what the ad-hoc signer needs.
// Layouts are from Apple's <mach-o/loader.h> (mach_header_64, segment_command_64,
// section_64, linkedit_data_command). Every offset read is bounds-checked so a truncated
// or hostile file fails with an Error that says what is wrong instead of a RangeError.

export const MH_MAGIC_64 = 0xfeedfacf;
export const MH_EXECUTE = 0x2;
export const LC_SEGMENT_64 = 0x19;
export const LC_CODE_SIGNATURE = 0x1d;
export const MACH_HEADER_64_SIZE = 32;
export const LINKEDIT_DATA_COMMAND_SIZE = 16;
const SEGMENT_COMMAND_64_SIZE = 72;
const SECTION_64_SIZE = 80;

export const CPU_TYPE_X86_64 = 0x01000007;
export const CPU_TYPE_ARM64 = 0x0100000c;

export interface Section {
  sectname: string;
  segname: string;
  /** File offset of the section's bytes; 0 for zero-fill sections. */
  offset: number;
  size: bigint;
}

export interface Segment {
  name: string;
  /** File offset of this LC_SEGMENT_64 command (so callers can patch it). */
  cmdOffset: number;
  vmaddr: bigint;
  vmsize: bigint;
  fileoff: bigint;
  filesize: bigint;
  sections: Section[];
}

export interface CodeSignatureCommand {
  cmdOffset: number;
  dataoff: number;
  datasize: number;
}

export interface MachO {
  cputype: number;
  filetype: number;
  ncmds: number;
  sizeofcmds: number;
  /** File offset just past the last load command. */
  loadCommandsEnd: number;
  segments: Segment[];
  codeSignature: CodeSignatureCommand | undefined;
}

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function cstring(buf: Uint8Array, off: number, len: number): string {
  const bytes = buf.subarray(off, off + len);
  const nul = bytes.indexOf(0);
  return new TextDecoder("latin1").decode(nul === -1 ? bytes : bytes.subarray(0, nul));
}

/** Throws a precise Error for every input the signer does not handle. */
function checkMagic(buf: Uint8Array): void {
  if (buf.length < 4) throw new Error(`not a Mach-O file: only ${buf.length} bytes`);
  const dv = view(buf);
  const be = dv.getUint32(0, false);
  const le = dv.getUint32(0, true);
  if (be === 0xcafebabe || be === 0xcafebabf) {
    throw new Error("fat (universal) Mach-O is not supported: sign each architecture slice separately");
  }
  if (le === 0xfeedface) throw new Error("32-bit Mach-O (MH_MAGIC) is not supported: only 64-bit");
  if (be === 0xfeedface || be === 0xfeedfacf) {
    throw new Error("big-endian Mach-O is not supported: only little-endian 64-bit");
  }
  if (le !== MH_MAGIC_64) {
    throw new Error(`not a Mach-O file: magic 0x${le.toString(16).padStart(8, "0")}`);
  }
  if (buf.length < MACH_HEADER_64_SIZE) throw new Error("truncated Mach-O header");
}

export function parseMachO(buf: Uint8Array): MachO {
  checkMagic(buf);
  const dv = view(buf);
  const cputype = dv.getUint32(4, true);
  const filetype = dv.getUint32(12, true);
  const ncmds = dv.getUint32(16, true);
  const sizeofcmds = dv.getUint32(20, true);
  const loadCommandsEnd = MACH_HEADER_64_SIZE + sizeofcmds;
  if (loadCommandsEnd > buf.length) {
    throw new Error(`load commands (${sizeofcmds} bytes) run past the end of the file`);
  }
  const segments: Segment[] = [];
  let codeSignature: CodeSignatureCommand | undefined;
  let off = MACH_HEADER_64_SIZE;
  for (let i = 0; i < ncmds; i++) {
    if (off + 8 > loadCommandsEnd) throw new Error(`load command ${i} starts past sizeofcmds`);
    const cmd = dv.getUint32(off, true);
    const cmdsize = dv.getUint32(off + 4, true);
    if (cmdsize < 8 || cmdsize % 8 !== 0 || off + cmdsize > loadCommandsEnd) {
      throw new Error(`load command ${i} (cmd 0x${cmd.toString(16)}) has a bad cmdsize ${cmdsize}`);
    }
    if (cmd === LC_SEGMENT_64) segments.push(readSegment(buf, dv, off, cmdsize));
    if (cmd === LC_CODE_SIGNATURE) {
      if (cmdsize !== LINKEDIT_DATA_COMMAND_SIZE) throw new Error(`LC_CODE_SIGNATURE has cmdsize ${cmdsize}`);
      if (codeSignature) throw new Error("more than one LC_CODE_SIGNATURE");
      codeSignature = {
        cmdOffset: off,
        dataoff: dv.getUint32(off + 8, true),
        datasize: dv.getUint32(off + 12, true),
      };
    }
    off += cmdsize;
  }
  if (off !== loadCommandsEnd) throw new Error(`sizeofcmds ${sizeofcmds} != sum of cmdsize ${off - 32}`);
  return { cputype, filetype, ncmds, sizeofcmds, loadCommandsEnd, segments, codeSignature };
}

function readSegment(buf: Uint8Array, dv: DataView, off: number, cmdsize: number): Segment {
  if (cmdsize < SEGMENT_COMMAND_64_SIZE) throw new Error(`LC_SEGMENT_64 at ${off} is too small`);
  const nsects = dv.getUint32(off + 64, true);
  if (SEGMENT_COMMAND_64_SIZE + nsects * SECTION_64_SIZE > cmdsize) {
    throw new Error(`LC_SEGMENT_64 at ${off} declares ${nsects} sections that do not fit its cmdsize`);
  }
  const sections: Section[] = [];
  for (let s = 0; s < nsects; s++) {
    const so = off + SEGMENT_COMMAND_64_SIZE + s * SECTION_64_SIZE;
    sections.push({
      sectname: cstring(buf, so, 16),
      segname: cstring(buf, so + 16, 16),
      size: dv.getBigUint64(so + 40, true),
      offset: dv.getUint32(so + 48, true),
    });
  }
  return {
    name: cstring(buf, off + 8, 16),
    cmdOffset: off,
    vmaddr: dv.getBigUint64(off + 24, true),
    vmsize: dv.getBigUint64(off + 32, true),
    fileoff: dv.getBigUint64(off + 40, true),
    filesize: dv.getBigUint64(off + 48, true),
    sections,
  };
}

/** VM page size a segment's vmsize is rounded to: 16 KiB on arm64, 4 KiB on x86-64. */
export function segmentPageSize(cputype: number): bigint {
  return cputype === CPU_TYPE_ARM64 ? 0x4000n : 0x1000n;
}

export function findSegment(m: MachO, name: string): Segment {
  const seg = m.segments.find((s) => s.name === name);
  if (!seg) throw new Error(`Mach-O has no ${name} segment`);
  return seg;
}

/**
 * First file offset used by section or segment content after the header: the load
 * commands may grow up to here (this is the "header padding" ld reserves, -headerpad).
 */
export function firstContentOffset(m: MachO, fileLength: number): number {
  let first = fileLength;
  for (const seg of m.segments) {
    if (seg.filesize > 0n && seg.fileoff > 0n && seg.fileoff < BigInt(first)) first = Number(seg.fileoff);
    for (const sect of seg.sections) {
      if (sect.offset !== 0 && sect.size > 0n && sect.offset < first) first = sect.offset;
    }
  }
  return first;
}

// Load commands whose payload lives in __LINKEDIT, as [offset field, count field, bytes per
// count] triples (byte positions inside the command; layouts from loader.h: symtab_command,
// dysymtab_command, dyld_info_command, linkedit_data_command). LC_CODE_SIGNATURE is left out.
type Ref = readonly [number, number, number];
const LINKEDIT_DATA: readonly Ref[] = [[8, 12, 1]];
function linkeditRefs(cmd: number): readonly Ref[] {
  switch (cmd) {
    case 0x02: // LC_SYMTAB: symoff/nsyms (16-byte nlist_64), stroff/strsize
      return [
        [8, 12, 16],
        [16, 20, 1],
      ];
    case 0x0b: // LC_DYSYMTAB: toc, modtab, extrefsyms, indirectsyms, extrel, locrel
      return [
        [32, 36, 8],
        [40, 44, 56],
        [48, 52, 4],
        [56, 60, 4],
        [64, 68, 8],
        [72, 76, 8],
      ];
    case 0x22: // LC_DYLD_INFO
    case 0x80000022: // LC_DYLD_INFO_ONLY: rebase, bind, weak_bind, lazy_bind, export
      return [
        [8, 12, 1],
        [16, 20, 1],
        [24, 28, 1],
        [32, 36, 1],
        [40, 44, 1],
      ];
    case 0x1e: // LC_SEGMENT_SPLIT_INFO
    case 0x26: // LC_FUNCTION_STARTS
    case 0x29: // LC_DATA_IN_CODE
    case 0x2b: // LC_DYLIB_CODE_SIGN_DRS
    case 0x2e: // LC_LINKER_OPTIMIZATION_HINT
    case 0x36: // LC_ATOM_INFO
    case 0x80000033: // LC_DYLD_EXPORTS_TRIE
    case 0x80000034: // LC_DYLD_CHAINED_FIXUPS
      return LINKEDIT_DATA;
    default:
      return [];
  }
}

/**
 * Largest file offset (exclusive) of linker data that load commands other than
 * LC_CODE_SIGNATURE point at. A new signature must not start below it, or it would
 * overwrite symbols, fixups or the exports trie.
 */
export function linkeditDataEnd(buf: Uint8Array, m: MachO): number {
  const dv = view(buf);
  let end = 0;
  let off = MACH_HEADER_64_SIZE;
  for (let i = 0; i < m.ncmds; i++) {
    const cmd = dv.getUint32(off, true);
    const cmdsize = dv.getUint32(off + 4, true);
    for (const [offField, sizeField, unit] of linkeditRefs(cmd)) {
      if (offField + 4 > cmdsize || sizeField + 4 > cmdsize) continue;
      const size = dv.getUint32(off + sizeField, true) * unit;
      if (size > 0) end = Math.max(end, dv.getUint32(off + offField, true) + size);
    }
    off += cmdsize;
  }
  return end;
}
