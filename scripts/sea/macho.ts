// Read-only Mach-O inspection for verifying darwin executables on Linux (we cannot run them here):
// 64-bit little-endian thin binaries only, which is what Node ships for both macOS targets.
const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CPU: Record<number, "x64" | "arm64"> = { 16777223: "x64", 16777228: "arm64" };

export interface MachOInfo {
  arch: "x64" | "arm64" | "unknown";
  segments: Array<{ name: string; sections: string[] }>;
  codeSignature?: { dataoff: number; datasize: number };
}

function cstr(b: Uint8Array, at: number, len: number): string {
  const s = Buffer.from(b.buffer, b.byteOffset + at, len).toString("latin1");
  const nul = s.indexOf("\0");
  return nul === -1 ? s : s.slice(0, nul);
}

export function readMachO(bin: Uint8Array): MachOInfo {
  const v = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  if (bin.byteLength < 32 || v.getUint32(0, true) !== MH_MAGIC_64) throw new Error("not a 64-bit Mach-O");
  const ncmds = v.getUint32(16, true);
  const info: MachOInfo = { arch: CPU[v.getUint32(4, true)] ?? "unknown", segments: [] };
  let off = 32;
  for (let i = 0; i < ncmds; i++) {
    const cmd = v.getUint32(off, true);
    const size = v.getUint32(off + 4, true);
    if (size < 8 || off + size > bin.byteLength) throw new Error(`bad load command ${i} at ${off}`);
    if (cmd === LC_SEGMENT_64) {
      const nsects = v.getUint32(off + 64, true);
      const sections: string[] = [];
      for (let s = 0; s < nsects; s++) sections.push(cstr(bin, off + 72 + s * 80, 16));
      info.segments.push({ name: cstr(bin, off + 8, 16), sections });
    } else if (cmd === LC_CODE_SIGNATURE) {
      info.codeSignature = { dataoff: v.getUint32(off + 8, true), datasize: v.getUint32(off + 12, true) };
    }
    off += size;
  }
  return info;
}
