// "The executable reads no file next to itself": run it under strace (when installed) and list every
// path it touched in its own directory other than itself. Relative paths count, since the executable
// runs with its directory as cwd.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Paths inside dirname(exe), other than exe, that appear in an `strace -e trace=%file` log. */
export function neighboursTouched(straceLog: string, exe: string): string[] {
  const dir = dirname(exe);
  const seen = new Set<string>();
  for (const line of straceLog.split("\n")) {
    // e.g. `123 openat(AT_FDCWD, "/x/y", O_RDONLY) = 3`; the first quoted argument is the path.
    const m = /^\d+\s+\w+\((?:[A-Z_]+|\d+), "([^"]*)"|^\d+\s+\w+\("([^"]*)"/.exec(line);
    const p = m?.[1] ?? m?.[2];
    if (!p) continue; // fstat on a descriptor ("") or a non-path call
    const abs = resolve(dir, p);
    if (abs === exe) continue;
    // The directory itself is fine (realpath() readlinks each component of the exe's own path).
    if (abs.startsWith(`${dir}/`)) seen.add(abs);
  }
  return [...seen];
}

export function neighboursTouchedInFile(straceFile: string, exe: string): string[] {
  return neighboursTouched(readFileSync(straceFile, "utf8"), exe);
}
