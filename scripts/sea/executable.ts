// Builds one target's executable: pinned base binary -> stripped (Linux) / unsigned (Windows) -> SEA
// -> ad-hoc signed (macOS).
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildSea } from "./build-sea.ts";
import { type Signer, signDarwin } from "./darwin.ts";
import { DEFAULT_CACHE_DIR, fetchNodeBinary } from "./fetch-node.ts";
import { removePeSignature } from "./pe.ts";
import { arm64Runner } from "./qemu.ts";
import { stripBase } from "./strip.ts";
import { hostTarget, pinFor, readPins, type Target } from "./targets.ts";
import { log, msSince } from "./util.ts";

export interface ExecutableBuild {
  target: Target["id"];
  path: string;
  codeCache: boolean;
  snapshot: boolean;
  stripped: boolean;
  baseBytes: number;
  strippedBytes: number;
  exeBytes: number;
  ms: { fetch: number; strip: number; sea: number; sign: number };
}

export interface ExecutableOptions {
  main: string;
  output: string;
  cacheDir?: string;
  /** Required for darwin targets. */
  sign?: Signer;
  /** Default true where a Node that runs on the target is available here (host, or arm64 via qemu). */
  codeCache?: boolean;
  /**
   * `main` is a snapshot main (scripts/bundle.ts): where a Node that runs on the target builds the blob
   * (host, or arm64 via qemu) the executable starts from a V8 startup snapshot; elsewhere the same
   * main runs as plain CommonJS. A snapshot is arch-specific: a foreign one refuses to start.
   */
  snapshot?: boolean;
  /** Node options baked into the executable; default build-sea.ts's EXEC_ARGV. */
  execArgv?: readonly string[];
}

/** A Node of the pinned version that runs here, to generate blobs for targets it cannot run. */
async function hostNode(cacheDir: string): Promise<string> {
  const host = hostTarget();
  if (host) return fetchNodeBinary(host, cacheDir);
  const { version } = readPins();
  if (process.version === `v${version}`) return process.execPath;
  throw new Error(`no Node ${version} for ${process.platform}-${process.arch} to run --build-sea`);
}

/** Which Node generates the blob: the target's own (natively or under qemu) gives a usable code cache. */
async function blobBuilder(
  target: Target,
  base: string,
  cacheDir: string,
  wantCache: boolean,
): Promise<{ node: string[]; useCodeCache: boolean; onTarget: boolean }> {
  const native = target.os === process.platform && target.arch === process.arch;
  if (native) return { node: [base], useCodeCache: wantCache, onTarget: true };
  if (wantCache && target.os === "linux" && target.arch === "arm64") {
    const r = arm64Runner();
    if ("prefix" in r) return { node: [...r.prefix, base], useCodeCache: true, onTarget: true };
    log(`${target.id}: building without code cache or snapshot (slower start): ${r.missing}`);
  }
  return { node: [await hostNode(cacheDir)], useCodeCache: false, onTarget: false };
}

export async function buildExecutable(target: Target, o: ExecutableOptions): Promise<ExecutableBuild> {
  const cacheDir = o.cacheDir ?? DEFAULT_CACHE_DIR;
  if (target.os === "darwin" && !o.sign)
    throw new Error(`${target.id} needs a signer (scripts/macho/sign.ts)`);
  let t = process.hrtime.bigint();
  const original = await fetchNodeBinary(target, cacheDir);
  const fetchMs = msSince(t);

  t = process.hrtime.bigint();
  const pin = pinFor(target);
  const prepared = join(cacheDir, `${target.pkg}-${pin.version}`);
  const size = statSync(original).size;
  let strip = { path: original, stripped: false, bytesBefore: size, bytesAfter: size };
  if (target.os === "linux") strip = stripBase(target, original, join(prepared, "node.stripped"));
  if (target.os === "win32") {
    const unsigned = join(prepared, "node.unsigned.exe");
    if (!existsSync(unsigned)) removePeSignature(original, unsigned);
    strip = { ...strip, path: unsigned, bytesAfter: statSync(unsigned).size };
  }
  const stripMs = msSince(t);

  t = process.hrtime.bigint();
  const { onTarget, ...builder } = await blobBuilder(target, strip.path, cacheDir, o.codeCache ?? true);
  const useSnapshot = (o.snapshot ?? false) && onTarget;
  mkdirSync(dirname(o.output), { recursive: true });
  buildSea({
    main: o.main,
    output: o.output,
    base: strip.path,
    ...builder,
    useSnapshot,
    ...(o.execArgv ? { execArgv: o.execArgv } : {}),
  });
  const seaMs = msSince(t);

  t = process.hrtime.bigint();
  if (target.os === "darwin" && o.sign) signDarwin(o.output, o.sign);
  const signMs = msSince(t);

  return {
    target: target.id,
    path: o.output,
    codeCache: builder.useCodeCache && !useSnapshot,
    snapshot: useSnapshot,
    stripped: strip.stripped,
    baseBytes: strip.bytesBefore,
    strippedBytes: strip.bytesAfter,
    exeBytes: statSync(o.output).size,
    ms: { fetch: fetchMs, strip: stripMs, sea: seaMs, sign: signMs },
  };
}
