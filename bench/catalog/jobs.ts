import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { makeBigCsv } from "../../scripts/catalog/make-big-csv.ts";
import { startBenchProvider } from "./fake-provider.ts";

const run = promisify(execFile);

/** What the issue fixes: a provider that answers in 300 ms and takes 16 requests at a time. */
export const PROVIDER_DELAY_MS = 300;
export const PROVIDER_MAX_IN_FLIGHT = 16;

export interface JobScenario {
  readonly label: string;
  readonly products: number;
  readonly maxConcurrency: number;
}

export interface JobFigures {
  readonly label: string;
  readonly products: number;
  readonly seconds: number;
  /** The time for 1,000 products: measured, or extrapolated from a smaller run. */
  readonly secondsPer1000: number;
  readonly written: number;
  readonly failed: number;
  /** Products the fake provider answered 200 for more than once. */
  readonly writtenTwice: number;
  readonly requests: number;
  readonly rejected429: number;
  readonly peakInFlight: number;
  /** CPU time of the copydesk write process (user + system), sampled from /proc until it exits. */
  readonly cpuSeconds: number;
}

/** utime + stime of a live process, in seconds (Linux; USER_HZ is 100 on every Linux this runs on). */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Imports a generated Shopify catalog with the executable, then times `copydesk write` on it. */
export async function measureJob(executable: string, scenario: JobScenario): Promise<JobFigures> {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-bench-job-"));
  const provider = await startBenchProvider({
    delayMs: PROVIDER_DELAY_MS,
    maxInFlight: PROVIDER_MAX_IN_FLIGHT,
  });
  try {
    const csv = join(folder, "catalog.csv");
    await makeBigCsv(csv, scenario.products * 3); // three rows a product: two variants and an image
    const dataDir = join(folder, "data");
    await run(executable, ["import", csv, "--data-dir", dataDir]);
    const env = {
      ...process.env,
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: provider.url,
      COPYDESK_PROVIDER_MODEL: "bench-model",
      COPYDESK_PROVIDER_API_KEY: "",
    };
    const started = performance.now();
    let cpuSeconds = 0;
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        executable,
        [
          "write",
          "--data-dir",
          dataDir,
          "--max-concurrency",
          String(scenario.maxConcurrency),
          "--log-level",
          "error",
        ],
        { env, stdio: ["ignore", "pipe", "ignore"] },
      );
      let out = "";
      const sampler = setInterval(() => {
        cpuSeconds = cpuSecondsOf(child.pid as number) ?? cpuSeconds;
      }, 20);
      child.on("exit", () => clearInterval(sampler));
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on("error", reject);
      child.on("exit", () => resolve(out));
    });
    const seconds = (performance.now() - started) / 1000;
    const summary = /done: (\d+) written, (\d+) failed/.exec(stdout);
    if (!summary) throw new Error(`copydesk write printed no summary:\n${stdout}`);
    return {
      label: scenario.label,
      products: scenario.products,
      seconds,
      secondsPer1000: (seconds * 1000) / scenario.products,
      written: Number(summary[1]),
      failed: Number(summary[2]),
      writtenTwice: [...provider.answered.values()].filter((count) => count > 1).length,
      requests: provider.stats.requests,
      rejected429: provider.stats.rejected,
      peakInFlight: provider.stats.peakInFlight,
      cpuSeconds,
    };
  } finally {
    await provider.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** 1,000 products x 0.3 s / 16 in flight: no job can finish sooner. */
export const BOUND_SECONDS_PER_1000 = (1000 * PROVIDER_DELAY_MS) / 1000 / PROVIDER_MAX_IN_FLIGHT;

export function jobTable(results: readonly JobFigures[]): string {
  const lines = [
    "| catalog job (fake provider: 300 ms, 429 + Retry-After: 1 above 16 in flight) | products | time | per 1,000 | / bound (18.75 s) | written | failed | written twice | requests | 429s | peak in flight | copydesk CPU |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const extrapolated = r.products === 1000 ? "" : " (extrapolated)";
    lines.push(
      `| ${r.label} | ${r.products} | ${r.seconds.toFixed(2)} s | ${r.secondsPer1000.toFixed(2)} s${extrapolated} | ${(r.secondsPer1000 / BOUND_SECONDS_PER_1000).toFixed(2)}x | ${r.written} | ${r.failed} | ${r.writtenTwice} | ${r.requests} | ${r.rejected429} | ${r.peakInFlight} | ${r.cpuSeconds.toFixed(1)} s (${((r.cpuSeconds * 1000) / r.products).toFixed(1)} ms a product) |`,
    );
  }
  return lines.join("\n");
}
