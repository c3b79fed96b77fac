// Public entry point of the ad-hoc Mach-O signer.
//
// macOS on arm64 refuses to exec code without a valid signature; an ad-hoc one (hashes only,
// no certificate) is enough for a locally built or downloaded-and-unquarantined binary. After
// SEA injection the Node binary either has a stale Developer ID signature or none at all (Node
// 26's --build-sea strips LC_CODE_SIGNATURE), so it must be re-signed. No codesign/ldid/rcodesign
// is available on the Linux build host, hence this pure-TypeScript signer.
//
// Layout (as ld and codesign_allocate produce it): the signature is the last thing in the file
// and the last thing in __LINKEDIT, at a 16-byte-aligned offset; codeLimit == that offset.

import { adhocSignature, CS_EXECSEG_MAIN_BINARY, signatureSize } from "./codesign.ts";
import {
  findSegment,
  firstContentOffset,
  LC_CODE_SIGNATURE,
  LINKEDIT_DATA_COMMAND_SIZE,
  linkeditDataEnd,
  type MachO,
  MH_EXECUTE,
  parseMachO,
  segmentPageSize,
} from "./macho.ts";

export type { AdhocSignatureInfo } from "./verify.ts";
export { verifyAdhocSignature } from "./verify.ts";

const align = (n: number, a: number): number => Math.ceil(n / a) * a;
const alignBig = (n: bigint, a: bigint): bigint => ((n + a - 1n) / a) * a;

/** Where the new signature goes, and whether an LC_CODE_SIGNATURE must be added for it. */
function signatureOffset(binary: Uint8Array, m: MachO): { offset: number; addCommand: boolean } {
  const linkedit = findSegment(m, "__LINKEDIT");
  const linkeditEnd = Number(linkedit.fileoff + linkedit.filesize);
  for (const seg of m.segments) {
    if (seg !== linkedit && seg.filesize > 0n && seg.fileoff + seg.filesize > linkedit.fileoff) {
      throw new Error(
        `segment ${seg.name} ends after __LINKEDIT starts; __LINKEDIT must be last in the file`,
      );
    }
  }
  if (m.codeSignature) {
    // Replace in place: codesign_allocate also reuses the old slot at the end of __LINKEDIT.
    const { dataoff } = m.codeSignature;
    if (dataoff < linkedit.fileoff || dataoff > linkeditEnd || dataoff > binary.length) {
      throw new Error(`LC_CODE_SIGNATURE dataoff ${dataoff} is outside __LINKEDIT or the file`);
    }
    return { offset: align(dataoff, 16), addCommand: false };
  }
  if (linkeditEnd !== binary.length) {
    throw new Error(
      `__LINKEDIT ends at ${linkeditEnd} but the file is ${binary.length} bytes; refusing to guess where to sign`,
    );
  }
  const room = firstContentOffset(m, binary.length) - m.loadCommandsEnd;
  const slot = binary.subarray(m.loadCommandsEnd, m.loadCommandsEnd + LINKEDIT_DATA_COMMAND_SIZE);
  if (room < LINKEDIT_DATA_COMMAND_SIZE) {
    throw new Error(
      `no room for LC_CODE_SIGNATURE: ${room} free bytes after the load commands, need 16 (relink with -headerpad)`,
    );
  }
  if (slot.some((b) => b !== 0)) {
    throw new Error(
      "no room for LC_CODE_SIGNATURE: the 16 bytes after the load commands are not zero padding",
    );
  }
  return { offset: align(linkeditEnd, 16), addCommand: true };
}

/** Returns a new buffer: the input with any existing signature replaced by an ad-hoc one. */
export function adhocSign(binary: Uint8Array, identifier: string): Uint8Array {
  const m = parseMachO(binary);
  const text = findSegment(m, "__TEXT");
  const linkedit = findSegment(m, "__LINKEDIT");
  const { offset, addCommand } = signatureOffset(binary, m);
  const dataEnd = linkeditDataEnd(binary, m);
  if (dataEnd > offset) {
    throw new Error(`linker data in __LINKEDIT runs to ${dataEnd}, past the signature offset ${offset}`);
  }
  const size = signatureSize(identifier, offset);
  const out = new Uint8Array(offset + size); // zero-filled: alignment padding stays 0
  out.set(binary.subarray(0, Math.min(offset, binary.length)));
  const dv = new DataView(out.buffer);

  let cmdOffset = m.codeSignature?.cmdOffset ?? m.loadCommandsEnd;
  if (addCommand) {
    cmdOffset = m.loadCommandsEnd;
    dv.setUint32(cmdOffset, LC_CODE_SIGNATURE, true);
    dv.setUint32(cmdOffset + 4, LINKEDIT_DATA_COMMAND_SIZE, true);
    dv.setUint32(16, m.ncmds + 1, true);
    dv.setUint32(20, m.sizeofcmds + LINKEDIT_DATA_COMMAND_SIZE, true);
  }
  dv.setUint32(cmdOffset + 8, offset, true);
  dv.setUint32(cmdOffset + 12, size, true);

  // __LINKEDIT now ends exactly at the end of the signature; vmsize rounded to the VM page.
  const filesize = BigInt(offset + size) - linkedit.fileoff;
  const vmsize = alignBig(filesize, segmentPageSize(m.cputype));
  const vmEnd = linkedit.vmaddr + vmsize;
  for (const seg of m.segments) {
    if (seg !== linkedit && seg.vmsize > 0n && seg.vmaddr >= linkedit.vmaddr && seg.vmaddr < vmEnd) {
      throw new Error(
        `growing __LINKEDIT to 0x${vmsize.toString(16)} bytes would overlap segment ${seg.name}`,
      );
    }
  }
  dv.setBigUint64(linkedit.cmdOffset + 32, vmsize, true);
  dv.setBigUint64(linkedit.cmdOffset + 48, filesize, true);

  const signature = adhocSignature(out.subarray(0, offset), {
    identifier,
    codeLimit: offset,
    execSegBase: text.fileoff,
    execSegLimit: text.filesize,
    execSegFlags: m.filetype === MH_EXECUTE ? CS_EXECSEG_MAIN_BINARY : 0n,
  });
  out.set(signature, offset);
  return out;
}
