// Runs win-x64 executables under Debian's wine. Node refuses to start unless Windows reports >= 10,
// so the prefix is set to win10 first. If Node's own node.exe cannot start under this wine, a failure
// of our executable says nothing about our build: callers skip with that reason instead.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CACHE_DIR, fetchNodeBinary } from "./fetch-node.ts";
import { probe } from "./spawn-probe.ts";
import { targetById } from "./targets.ts";

export const WINE_PREFIX = join(DEFAULT_CACHE_DIR, "wine-prefix");

export async function wineRunner(
  wine: string,
): Promise<{ env: NodeJS.ProcessEnv; version: string } | { missing: string }> {
  mkdirSync(WINE_PREFIX, { recursive: true });
  const env = { PATH: "/usr/bin:/bin", HOME: WINE_PREFIX, WINEPREFIX: WINE_PREFIX, WINEDEBUG: "-all" };
  const version = spawnSync(wine, ["--version"], { env, encoding: "utf8" }).stdout.trim() || "wine";
  const reg = spawnSync(wine, ["reg", "add", "HKCU\\Software\\Wine", "/v", "Version", "/d", "win10", "/f"], {
    env,
    encoding: "utf8",
  });
  if (reg.status !== 0)
    return { missing: `${version}: cannot set the prefix to win10: ${reg.stderr.trim()}` };
  let base: string;
  try {
    base = await fetchNodeBinary(targetById("win-x64"));
  } catch (e) {
    return { missing: `no node.exe to check ${version} with: ${(e as Error).message}` };
  }
  const r = await probe([wine, base, "-e", "console.log('ok')"], { stdin: "", expect: /^ok$/m }, { env });
  if (!r.ok) {
    const why =
      r.stderr.split("\n").find((l) => l.includes("Fatal") || l.includes("rror")) ?? r.stderr.trim();
    return { missing: `Node's own node.exe does not start under ${version} (exit ${r.code}): ${why.trim()}` };
  }
  return { env, version };
}
