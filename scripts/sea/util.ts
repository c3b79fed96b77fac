// Small helpers shared by the release scripts: hashing, running tools, finding commands.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, createReadStream } from "node:fs";
import { delimiter, join } from "node:path";
import { pipeline } from "node:stream/promises";

export const REPO_ROOT = join(import.meta.dirname, "..", "..");

/** Progress goes to stderr so stdout stays clean for anything piped. */
export function log(msg: string): void {
  process.stderr.write(`[sea] ${msg}\n`);
}

export async function hashFile(path: string, algorithm: "sha256" | "sha512"): Promise<Buffer> {
  const h = createHash(algorithm);
  await pipeline(createReadStream(path), h);
  return h.digest();
}

/** Runs a command to completion; throws with its stderr when it fails. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const r = spawnSync(cmd, args, { ...opts, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

/** Absolute path of an executable on PATH, or undefined. */
export function which(cmd: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {}
  }
  return undefined;
}

export function msSince(start: bigint): number {
  return Number((process.hrtime.bigint() - start) / 1_000_000n);
}
