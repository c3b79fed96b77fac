import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { makeBigCsv } from "../../scripts/catalog/make-big-csv.ts";
import { median } from "../stats.ts";

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, "file-child.ts");

export interface StepFigures {
  readonly ms: number;
  readonly count: number;
  readonly peakRssMiB: number;
}

export interface FileFigures {
  readonly rows: number;
  readonly rounds: number;
  readonly mib: number;
  readonly library: StepFigures;
  readonly import: StepFigures;
  readonly export: StepFigures;
}

async function step(mode: string, input: string, output: string, dataDir: string): Promise<StepFigures> {
  const { stdout } = await run(process.execPath, [CHILD, mode, input, output, dataDir], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as StepFigures;
}

/**
 * A Shopify CSV of `rows` rows imported into a real SQLite store and exported back (every product with
 * copy), against the CSV library parsing and writing the same file; each step in its own process. `rounds`
 * rounds, each with a fresh store, and each figure the median of its rounds (one run of each step on this
 * machine varied by up to 20%); peak RSS is the highest of any round.
 */
export async function measureFiles(rows: number, rounds = 3): Promise<FileFigures> {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-bench-file-"));
  try {
    const input = join(folder, "products.csv");
    await makeBigCsv(input, rows);
    const measured: { library: StepFigures; import: StepFigures; export: StepFigures }[] = [];
    for (let round = 0; round < rounds; round++) {
      const dataDir = join(folder, `data-${round}`);
      mkdirSync(dataDir);
      const library = await step("library", input, join(folder, "library.csv"), dataDir);
      const imported = await step("import", input, "", dataDir);
      await step("copy", input, "", dataDir);
      const exported = await step("export", input, join(folder, "export.csv"), dataDir);
      measured.push({ library, import: imported, export: exported });
      rmSync(dataDir, { recursive: true, force: true });
    }
    const summary = (name: "library" | "import" | "export"): StepFigures => ({
      ms: median(measured.map((m) => m[name].ms)),
      count: measured[0]?.[name].count ?? 0,
      peakRssMiB: Math.max(...measured.map((m) => m[name].peakRssMiB)),
    });
    return {
      rows,
      rounds,
      mib: statSync(input).size / 2 ** 20,
      library: summary("library"),
      import: summary("import"),
      export: summary("export"),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function fileTable(f: FileFigures): string {
  const both = f.import.ms + f.export.ms;
  const peak = Math.max(f.import.peakRssMiB, f.export.peakRssMiB);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mib = (n: number) => `${n.toFixed(0)} MiB`;
  return [
    `| ${f.rows.toLocaleString("en")}-row Shopify CSV (${f.mib.toFixed(1)} MiB), medians of ${f.rounds} rounds | time | / library | peak RSS |`,
    "| --- | --- | --- | --- |",
    `| csv-parse + csv-stringify alone (parse, write) | ${s(f.library.ms)} | 1.00x | ${mib(f.library.peakRssMiB)} |`,
    `| copydesk import (importProducts, SQLite) | ${s(f.import.ms)} | ${(f.import.ms / f.library.ms).toFixed(2)}x | ${mib(f.import.peakRssMiB)} |`,
    `| copydesk export (exportProducts, every product with copy) | ${s(f.export.ms)} | ${(f.export.ms / f.library.ms).toFixed(2)}x | ${mib(f.export.peakRssMiB)} |`,
    `| copydesk import + export | ${s(both)} | ${(both / f.library.ms).toFixed(2)}x | ${mib(peak)} |`,
  ].join("\n");
}

export function fileTargets(f: FileFigures): string[] {
  const both = f.import.ms + f.export.ms;
  const peak = Math.max(f.import.peakRssMiB, f.export.peakRssMiB);
  return [
    `catalog file import + export within 2x the CSV library alone: ${both <= 2 * f.library.ms ? "met" : "MISSED"} (${(both / f.library.ms).toFixed(2)}x)`,
    `catalog file peak RSS at most 250 MiB: ${peak <= 250 ? "met" : "MISSED"} (${peak.toFixed(0)} MiB)`,
  ];
}
