// Runs linux-arm64 binaries on an x64 Linux host through Debian's qemu-user-static. Used twice: to let
// the arm64 Node itself generate the SEA blob (so its V8 code cache matches the target) and to test
// the arm64 executable. The -L sysroot comes from Debian's *-arm64-cross library packages.
import { ensureFiles, ensureTool } from "./debian-tools.ts";

export const ARM64_SYSROOT = "/usr/aarch64-linux-gnu";
const SYSROOT_FILES = ["lib/ld-linux-aarch64.so.1", "lib/libstdc++.so.6", "lib/libatomic.so.1"];
const SYSROOT_DEBS = ["libc6-arm64-cross", "libstdc++6-arm64-cross", "libatomic1-arm64-cross"];

/** Command prefix that runs an arm64 Linux binary here, or the reason it cannot. */
export function arm64Runner(): { prefix: string[] } | { missing: string } {
  if (process.platform === "linux" && process.arch === "arm64") return { prefix: [] };
  if (process.platform !== "linux" || process.arch !== "x64") return { missing: "host is not linux-x64" };
  const qemu = ensureTool("qemu-aarch64-static", ["qemu-user-static"]);
  if ("missing" in qemu) return qemu;
  const libs = ensureFiles(
    SYSROOT_FILES.map((f) => `${ARM64_SYSROOT}/${f}`),
    SYSROOT_DEBS,
  );
  if ("missing" in libs) return libs;
  return { prefix: [qemu.path, "-L", ARM64_SYSROOT] };
}
