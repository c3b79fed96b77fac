// Entry for scripts/build.ts: after esbuild wrote dist/copydesk.mjs, make the executable for this
// machine, with V8 code cache (faster start) and a stripped base binary.
import { buildExecutable, type ExecutableBuild, type ExecutableOptions } from "./executable.ts";
import { hostTarget } from "./targets.ts";

export async function buildHostExecutable(o: ExecutableOptions): Promise<ExecutableBuild> {
  const target = hostTarget();
  if (!target) throw new Error(`no release target for ${process.platform}-${process.arch}`);
  const output = target.os === "win32" && !o.output.endsWith(".exe") ? `${o.output}.exe` : o.output;
  return buildExecutable(target, { ...o, output, codeCache: o.codeCache ?? true });
}
