import { setFlagsFromString } from "node:v8";

/**
 * Called last while the V8 startup snapshot is built: its GC then drops every function's bytecode, so a
 * start faults in less memory (dearer on a VM than compiling again what it runs). The executable's own GC
 * is unaffected: flags belong to the process that sets them. Figures: docs/decisions/flush-compiled-code.md.
 */
export function flushCompiledCodeFromSnapshot(): void {
  setFlagsFromString("--stress-flush-code");
}
