// macOS step: `--build-sea` removes the base binary's signature when it adds the NODE_SEA segment, and
// arm64 macOS kills unsigned binaries, so every darwin executable gets an ad-hoc signature afterwards.
// The signer is passed in (scripts/macho/sign.ts in the full tree) so this file has no dependency on it.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";

export type Signer = (binary: Uint8Array, identifier: string) => Uint8Array;

export function signDarwin(path: string, sign: Signer, identifier = "copydesk"): void {
  const signed = sign(readFileSync(path), identifier);
  writeFileSync(path, signed);
  chmodSync(path, 0o755);
}
