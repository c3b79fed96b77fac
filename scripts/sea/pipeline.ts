// The whole release: every target's executable, its archive, and SHA256SUMS over the archives.
// Kept apart from release.ts so tests can pass their own main, targets and signer.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { releaseTime, writeArchive } from "./archive.ts";
import { writeSha256Sums } from "./checksums.ts";
import type { Signer } from "./darwin.ts";
import { buildExecutable, type ExecutableBuild } from "./executable.ts";
import { archiveName, type Target } from "./targets.ts";
import { log, msSince, REPO_ROOT } from "./util.ts";

export interface ReleaseOptions {
  main: string;
  outDir: string;
  /** Where the per-target executables are built before archiving. */
  workDir: string;
  targets: readonly Target[];
  version?: string;
  sign?: Signer;
  cacheDir?: string;
  /** `main` is a snapshot main: see ExecutableOptions.snapshot. */
  snapshot?: boolean;
}

export interface TargetReport extends ExecutableBuild {
  archive: string;
  archiveBytes: number;
  ms: ExecutableBuild["ms"] & { archive: number; total: number };
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

export async function buildRelease(o: ReleaseOptions): Promise<TargetReport[]> {
  const version = o.version ?? packageVersion();
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  const mtime = releaseTime();
  const reports: TargetReport[] = [];
  for (const target of o.targets) {
    const start = process.hrtime.bigint();
    log(`${target.id}: building`);
    const exe = await buildExecutable(target, {
      main: o.main,
      output: join(o.workDir, target.id, target.exeName),
      ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}),
      ...(o.sign ? { sign: o.sign } : {}),
      ...(o.snapshot ? { snapshot: true } : {}),
    });
    const t = process.hrtime.bigint();
    const archive = join(o.outDir, archiveName(version, target));
    writeArchive(target.archive, exe.path, target.exeName, archive, mtime);
    const archiveMs = msSince(t);
    const report: TargetReport = {
      ...exe,
      archive,
      archiveBytes: statSync(archive).size,
      ms: { ...exe.ms, archive: archiveMs, total: msSince(start) },
    };
    log(
      `${target.id}: ${(report.exeBytes / 1e6).toFixed(1)} MB exe, ${(report.archiveBytes / 1e6).toFixed(1)} MB ` +
        `archive, ${report.snapshot ? "snapshot" : `code cache ${report.codeCache ? "yes" : "no"}`}, ${report.ms.total} ms`,
    );
    reports.push(report);
  }
  await writeSha256Sums(
    reports.map((r) => r.archive),
    join(o.outDir, "SHA256SUMS"),
  );
  writeFileSync(join(o.workDir, "build-report.json"), `${JSON.stringify(reports, null, 2)}\n`);
  return reports;
}
