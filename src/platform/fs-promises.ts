/**
 * node:fs/promises, looked up when first used rather than imported: an import at start-up takes readline and
 * the REPL's history code (that FileHandle.readLines uses) into the executable's startup snapshot, about
 * 270 KB of Node's own source and ~120 page faults on every start.
 */
export function fsPromises(): typeof import("node:fs/promises") {
  return process.getBuiltinModule("node:fs/promises");
}
