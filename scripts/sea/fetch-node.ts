// Gets a target's official Node binary without nodejs.org: `npm pack` downloads the platform package
// from the npm registry (or npm's own cache), we check the tarball against the sha512 integrity pinned
// in node-binaries.json (the same check a lockfile gives), extract only the binary, and check its sha256.
// Results are cached, so later builds (and CI with a warm cache) need no network.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { nodeCacheDir } from "./cache-dir.ts";
import { type NodePin, pinFor, readPins, type Target, targetById } from "./targets.ts";
import { hashFile, log, REPO_ROOT, run } from "./util.ts";

export const DEFAULT_CACHE_DIR = nodeCacheDir({
  platform: process.platform,
  env: process.env,
  homedir: homedir(),
});

/** Thrown when the base binary is not cached and the registry cannot be reached: tests skip on it. */
export class RegistryUnreachableError extends Error {}

function sriOf(digest: Buffer): string {
  return `sha512-${digest.toString("base64")}`;
}

async function binaryMatches(path: string, sha256: string): Promise<boolean> {
  return existsSync(path) && (await hashFile(path, "sha256")).toString("hex") === sha256;
}

/**
 * For the host we prefer the binary the `node` devDependency already installed: it is the same file
 * as in the pinned package (checked by sha256 here), so a host-only build never touches the network.
 */
async function installedHostBinary(target: Target, sha256: string): Promise<string | undefined> {
  if (target.os !== process.platform || target.arch !== process.arch) return undefined;
  const candidates = [join(REPO_ROOT, "node_modules", ".bin", "node"), process.execPath];
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    const real = realpathSync(c);
    if (await binaryMatches(real, sha256)) return real;
  }
  return undefined;
}

/** A target's Node binary: the release's version (node-binaries.json), or the one `pin` names. */
export async function fetchNodeBinary(
  target: Target,
  cacheDir = DEFAULT_CACHE_DIR,
  pin: NodePin = pinFor(target),
): Promise<string> {
  const host = await installedHostBinary(target, pin.binarySha256);
  if (host) return host;

  const dir = join(cacheDir, `${target.pkg}-${pin.version}`);
  const bin = join(dir, basename(target.binInTarball));
  if (await binaryMatches(bin, pin.binarySha256)) return bin;

  mkdirSync(dir, { recursive: true });
  const tgz = join(dir, `${target.pkg}-${pin.version}.tgz`);
  if (!existsSync(tgz) || sriOf(await hashFile(tgz, "sha512")) !== pin.integrity) {
    log(`downloading ${target.pkg}@${pin.version} from the npm registry`);
    try {
      // --prefer-offline: npm's own cache answers when it can; the pinned integrity makes that safe.
      run("npm", ["pack", `${target.pkg}@${pin.version}`, "--pack-destination", dir, "--prefer-offline"], {
        cwd: dir,
      });
    } catch (e) {
      const npmError = (e as Error).message
        .split("\n")
        .filter((l) => /^npm error (code|network|\d{3})/.test(l));
      const msg = `cannot get ${target.pkg}@${pin.version}: ${npmError.join("; ") || (e as Error).message}`;
      // Only network trouble is "unreachable" (tests skip on it); a 404 or a bad pin must fail loudly.
      const offline = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|ECONNRESET|ENOTCACHED|network/i;
      throw offline.test((e as Error).message) ? new RegistryUnreachableError(msg) : new Error(msg);
    }
  }
  const actual = sriOf(await hashFile(tgz, "sha512"));
  if (actual !== pin.integrity) {
    rmSync(tgz, { force: true });
    throw new Error(`${tgz}: integrity ${actual} does not match the pinned ${pin.integrity}`);
  }
  const tmp = mkdtempSync(join(dir, "extract-"));
  try {
    run("tar", ["-xzf", tgz, "-C", tmp, target.binInTarball]);
    const extracted = join(tmp, target.binInTarball);
    if (!(await binaryMatches(extracted, pin.binarySha256))) {
      throw new Error(`${target.pkg}: extracted binary does not match the pinned sha256`);
    }
    renameSync(extracted, bin);
    // The binary is checked by its own sha256 from now on; npm's cache still holds the tarball.
    rmSync(tgz, { force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
}

/**
 * The oldest Node the npm package supports (node-binaries.json `oldestSupported`), for linux-x64 only:
 * undefined on another machine. Throws RegistryUnreachableError when it is not cached and npm is offline.
 */
export async function fetchOldestSupportedNode(cacheDir = DEFAULT_CACHE_DIR): Promise<string | undefined> {
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  const { oldestSupported } = readPins();
  const target = targetById("linux-x64");
  if (target.pkg !== oldestSupported.package) throw new Error("oldestSupported names another package");
  return fetchNodeBinary(target, cacheDir, oldestSupported);
}
