// Finds a command (or files such as a cross sysroot), installing the Debian package when we can
// (root + apt-get), so a fresh machine or CI gets the cross tools without a manual step.
// Never throws: callers decide whether to skip or fail, with the reason we return.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { log, which } from "./util.ts";

export type ToolResult = { path: string } | { missing: string };

let aptUpdated = false;

function apt(args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return spawnSync("apt-get", args, { encoding: "utf8", env }).status === 0;
}

function aptInstall(pkgs: string[]): string | undefined {
  if (process.env.COPYDESK_NO_APT === "1") return "COPYDESK_NO_APT=1";
  if (process.getuid?.() !== 0 || !which("apt-get")) return "not root or no apt-get";
  log(`apt-get install ${pkgs.join(" ")}`);
  const install = ["install", "-y", "--no-install-recommends", ...pkgs];
  if (apt(install)) return undefined;
  // The package lists may be missing or stale on a fresh machine: update once, then retry.
  if (!aptUpdated) {
    aptUpdated = true;
    if (apt(["update"]) && apt(install)) return undefined;
  }
  return "apt-get install failed";
}

export function ensureTool(cmd: string, debPackages: string[]): ToolResult {
  const found = which(cmd);
  if (found) return { path: found };
  const failed = aptInstall(debPackages);
  const after = which(cmd);
  if (after) return { path: after };
  return {
    missing: `"${cmd}" not found (apt-get install ${debPackages.join(" ")}): ${failed ?? "still missing"}`,
  };
}

export function ensureFiles(paths: string[], debPackages: string[]): ToolResult {
  const missing = () => paths.filter((p) => !existsSync(p));
  if (missing().length === 0) return { path: paths[0] ?? "" };
  const failed = aptInstall(debPackages);
  if (missing().length === 0) return { path: paths[0] ?? "" };
  return {
    missing: `missing ${missing().join(", ")} (apt-get install ${debPackages.join(" ")}): ${failed ?? "still missing"}`,
  };
}
