// Entry for scripts/build.ts: make the executable for this machine from a stripped base binary, starting
// from a V8 startup snapshot when `snapshot` is set (see scripts/bundle.ts), else with a code cache.
import { buildExecutable, type ExecutableBuild, type ExecutableOptions } from "./executable.ts";
import { hostTarget } from "./targets.ts";

export async function buildHostExecutable(o: ExecutableOptions): Promise<ExecutableBuild> {
  const target = hostTarget();
  if (!target) throw new Error(`no release target for ${process.platform}-${process.arch}`);
  const output = target.os === "win32" && !o.output.endsWith(".exe") ? `${o.output}.exe` : o.output;
  return buildExecutable(target, { ...o, output, codeCache: o.codeCache ?? true });
}
