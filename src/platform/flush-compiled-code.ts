import { setFlagsFromString } from "node:v8";

/**
 * Keeps compiled code out of the V8 startup snapshot: called last while it is built, it makes the GC that
 * takes the snapshot flush every function's bytecode, so the snapshot holds each function's source and
 * scope only and V8 compiles again, on first call, what a start runs. Flags belong to the process that sets
 * them: the executable runs with its own (EXEC_ARGV), and its GC flushes as usual.
 *
 * What it saves is memory every start must fault in, and on a VM a page fault costs ~15 us (more than
 * the code it spares compiling). Kept, the bytecode of the bundle's top level (run once, 2 x 119 KB), of
 * the modules' initialisers and of the warm-ups made the executable 1.36 MB larger; flushed, a start takes
 * ~540 fewer page faults to the initialize answer (7,289 to 6,747; copydesk before the catalog: 6,278),
 * and compiling what it runs adds no instructions that show above run-to-run noise (callgrind, to the
 * first tools/list answer: 261 M against 263 M). Measured 2026-11-28.
 */
export function flushCompiledCodeFromSnapshot(): void {
  setFlagsFromString("--stress-flush-code");
}
