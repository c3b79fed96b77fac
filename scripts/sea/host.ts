import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface HostBuildOptions {
  readonly main: string;
  readonly output: string;
  /** `main` is a snapshot main (see bundle.ts); otherwise an ES module run with a code cache. */
  readonly snapshot?: boolean;
}

/**
 * Makes a single executable for this machine with Node's own SEA support, from the Node that runs this
 * script (the pinned `node` devDependency), so blob and base binary are the same version.
 */
export async function buildHostExecutable({
  main,
  output,
  snapshot = false,
}: HostBuildOptions): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "copydesk-sea-"));
  try {
    const config = join(work, "sea-config.json");
    writeFileSync(
      config,
      JSON.stringify({
        main: resolve(main),
        output: resolve(output),
        disableExperimentalSEAWarning: true,
        ...(snapshot ? { useSnapshot: true } : { mainFormat: "module", useCodeCache: true }),
      }),
    );
    execFileSync(process.execPath, ["--build-sea", config], { stdio: ["ignore", "ignore", "inherit"] });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
