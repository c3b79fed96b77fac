// Turns a bundled main (.mjs/.cjs) plus a Node base binary into one executable with Node's own
// `--build-sea` (Node >= 25.5). `executable` may be a binary for ANOTHER OS/arch: Node rewrites ELF,
// PE and Mach-O alike (verified with 26.10.0), so no postject is needed. The Node that runs
// --build-sea must be the same version as the base binary, and useCodeCache only pays off when that
// Node runs on the target's OS/arch (elsewhere the target prints "Code cache data rejected").
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { run } from "./util.ts";

/** Sentinel in every Node binary; `:0` becomes `:1` when a blob is injected. */
export const SEA_FUSE_ON = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1";

export interface BuildSeaOptions {
  main: string;
  output: string;
  /** Node binary the blob is injected into (already stripped where wanted). */
  base: string;
  /** Command that runs a Node of the same version as `base`, e.g. [node] or [qemu, -L, root, node]. */
  node: string[];
  useCodeCache: boolean;
  /** `main` builds a V8 startup snapshot; needs `node` to run on the target. */
  useSnapshot?: boolean;
  /** Node options baked into the executable; default {@link EXEC_ARGV}. */
  execArgv?: readonly string[];
}

/**
 * Node options of the executable, for memory: it is a desktop helper, one per client, and no model can
 * send it calls as fast as it answers them.
 * - V8 grows the young generation up to 16 MB a semi-space under allocation pressure (each create_product
 *   reads JSON, validates it and runs the copy checks): capped at 4 MB.
 * - `--optimize-for-size` makes V8 collect and grow its heap for size over speed: with 32 create_product
 *   calls in flight peak RSS 115 MiB instead of 151 (copydesk before the catalog: 124), private memory 60
 *   instead of 96, for 22% fewer calls a second (897 against 1146, p50 the same); a 1,000-product catalog
 *   job took the same time with 19% more CPU (5.6 s against 4.7). Measured 2026-11-27. The catalog commands
 *   turn it off as they start (src/platform/speed-over-size.ts): bulk work in a process of its own.
 */
export const EXEC_ARGV: readonly string[] = ["--max-semi-space-size=4", "--optimize-for-size"];

export function seaConfig(o: BuildSeaOptions): Record<string, unknown> {
  return {
    main: resolve(o.main),
    // The app bundle is ESM; a .cjs input still works.
    mainFormat: extname(o.main) === ".cjs" ? "commonjs" : "module",
    executable: resolve(o.base),
    output: resolve(o.output),
    disableExperimentalSEAWarning: true,
    execArgv: [...(o.execArgv ?? EXEC_ARGV)],
    useSnapshot: o.useSnapshot ?? false,
    // A snapshot already holds the compiled code.
    useCodeCache: o.useCodeCache && !o.useSnapshot,
  };
}

export function buildSea(o: BuildSeaOptions): void {
  const [cmd, ...args] = o.node;
  if (!cmd) throw new Error("buildSea: empty node command");
  if (!existsSync(o.main)) throw new Error(`buildSea: main ${o.main} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), "copydesk-sea-"));
  try {
    const cfg = join(dir, "sea-config.json");
    writeFileSync(cfg, JSON.stringify(seaConfig(o), null, 2));
    rmSync(o.output, { force: true });
    // V8 rejects a code cache made under other flags ("Code cache data rejected" at every start): the
    // blob is made under the options the executable runs with.
    run(cmd, [...args, ...(o.execArgv ?? EXEC_ARGV), "--build-sea", cfg]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A failed rewrite can exit 0: check that the fuse Node reads at start-up was flipped to ":1".
  if (!existsSync(o.output) || !readFileSync(o.output).includes(SEA_FUSE_ON)) {
    throw new Error(`buildSea: ${o.output} was not produced or its SEA fuse is not set`);
  }
}
