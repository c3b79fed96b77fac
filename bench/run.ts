/**
 * `npm run bench`: copydesk against two baselines built and run the same way (esbuild bundle, then a
 * single executable from the same Node), measured in the same run. Prints figures, not verdicts on
 * wall-clock time in tests, and (unless --quick) writes each part's figures into docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { bundle } from "../scripts/bundle.ts";
import { buildHostExecutable } from "../scripts/sea/host.ts";
import { BEFORE_COMMIT, buildBefore } from "./before.ts";
import { fileTable, fileTargets, measureFiles } from "./catalog/files.ts";
import { BOUND_SECONDS_PER_1000, type JobFigures, jobTable, measureJob } from "./catalog/jobs.ts";
import { coldStarts, type Figures, measure, type Plan, type Subject } from "./measure.ts";
import { type BenchPart, beforeTargets, table, targets, withFigures } from "./report.ts";
import { measureTraffic, trafficTable, trafficTargets } from "./traffic/report.ts";

const quick = process.argv.includes("--quick");
/** Only the catalog figures (a job through a fake provider, a big file through import and export). */
const catalogOnly = process.argv.includes("--catalog-only");
/** Only the server figures (cold start, calls, memory against the baselines). */
const serverOnly = process.argv.includes("--server-only");
/** Only the traffic figures (what a chat model reads and writes through each tool; seconds to run). */
const trafficOnly = process.argv.includes("--traffic");
const plan: Plan = quick
  ? { coldStarts: 5, sequentialCalls: 100, concurrentCalls: 320, inFlight: 32, rounds: 1 }
  : { coldStarts: 31, sequentialCalls: 1000, concurrentCalls: 3200, inFlight: 32, rounds: 5 };

const DOC = "docs/benchmarks.md";

/** The commit measured, so a figure in the docs can be traced to the code that was built and run. */
function commit(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
    const code = ["src", "scripts", "bench", "package.json", "package-lock.json"];
    const dirty = git("status", "--porcelain", "--untracked-files=no", "--", ...code);
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "an unknown commit";
  }
}

const MEASURED = commit();

const header = (what: string) => {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return (
    `copydesk benchmark, ${new Date().toISOString().slice(0, 10)}, commit ${MEASURED}, ${cpus().length} x ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0]?.toFixed(1)} at the start, ` +
    `Node ${process.versions.node}${quick ? " (quick)" : ""}: ${what}\n\n`
  );
};

const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}\n`).join("");

/** Prints a part's figures and, on a full run, puts them in docs/benchmarks.md. */
async function run(part: BenchPart, figures: () => Promise<string>): Promise<void> {
  const text = await figures();
  process.stdout.write(`${part === "server" ? "" : "\n"}${text}`);
  if (quick) return;
  writeFileSync(DOC, withFigures(readFileSync(DOC, "utf8"), part, text));
  process.stderr.write(`${DOC}: ${part} figures written\n`);
}

if (!catalogOnly && !trafficOnly) await run("server", serverFigures);
if (!serverOnly && !trafficOnly) await run("catalog", catalogFigures);
if (!catalogOnly && !serverOnly) await run("traffic", trafficFigures);

async function serverFigures(): Promise<string> {
  mkdirSync(".bench", { recursive: true });
  for (const name of ["minimal-sdk-server", "raw-jsonrpc-server"]) {
    // Built exactly as copydesk's executable is: a snapshot main in a single executable.
    await bundle({ entry: `bench/baselines/${name}.ts`, outfile: `.bench/${name}.cjs`, snapshot: true });
    await buildHostExecutable({ main: `.bench/${name}.cjs`, output: `.bench/${name}`, snapshot: true });
  }

  const copydesk: Subject = {
    name: "copydesk",
    executable: "dist/copydesk",
    args: (dir) => ["--data-dir", dir, "--log-level", "error"],
  };
  const built = await buildBefore();
  const before: Subject | undefined =
    "executable" in built
      ? {
          ...copydesk,
          name: `copydesk ${BEFORE_COMMIT.slice(0, 7)} (before the catalog)`,
          executable: built.executable,
        }
      : undefined;
  if ("missing" in built)
    process.stderr.write(`not measuring copydesk before the catalog: ${built.missing}\n`);
  const subjects: Subject[] = [
    copydesk,
    ...(before ? [before] : []),
    { name: "SDK baseline", executable: ".bench/minimal-sdk-server" },
    { name: "raw floor", executable: ".bench/raw-jsonrpc-server" },
  ];
  process.stderr.write("measuring cold starts...\n");
  const starts = await coldStarts(subjects, plan.coldStarts);
  const results: Array<{ name: string; figures: Figures }> = [];
  for (const [index, subject] of subjects.entries()) {
    process.stderr.write(`measuring ${subject.name} under load...\n`);
    results.push({
      name: subject.name,
      figures: await measure(
        subject,
        plan,
        starts[index] ?? { initializeMs: Number.NaN, toolsListedMs: Number.NaN },
      ),
    });
  }
  const figures = results.map((r) => r.figures);
  const [ours, sdk, raw] = [figures[0], figures.at(-2), figures.at(-1)] as [Figures, Figures, Figures];
  const lines = [...(before ? beforeTargets(ours, figures[1] as Figures) : []), ...targets(ours, sdk, raw)];
  return (
    header(
      `medians of ${plan.coldStarts} cold starts and ${plan.rounds} load runs ` +
        `(${plan.sequentialCalls} sequential calls, ${plan.concurrentCalls} with ${plan.inFlight} in flight)`,
    ) + `${table(results)}\n\n${bullets(lines)}`
  );
}

async function catalogFigures(): Promise<string> {
  const products = quick ? 200 : 1000;
  const scenarios = [
    { label: "adaptive, --max-concurrency 16 (the default)", products, maxConcurrency: 16 },
    { label: "sequential (--max-concurrency 1)", products: quick ? 20 : 50, maxConcurrency: 1 },
    { label: "--max-concurrency 64", products, maxConcurrency: 64 },
  ];
  const jobs: JobFigures[] = [];
  for (const scenario of scenarios) {
    process.stderr.write(`measuring a catalog job: ${scenario.products} products, ${scenario.label}...\n`);
    jobs.push(await measureJob("dist/copydesk", scenario));
  }
  const rows = quick ? 10_000 : 100_000;
  process.stderr.write(`measuring import and export of a ${rows}-row Shopify CSV...\n`);
  const files = await measureFiles(rows);

  const [adaptive] = jobs as [JobFigures];
  const ratio = adaptive.secondsPer1000 / BOUND_SECONDS_PER_1000;
  return (
    header(
      "catalog jobs through the built executable (copydesk import, then copydesk write), one run each; catalog files through importProducts and exportProducts, each step in its own process, medians of 3 rounds",
    ) +
    `${jobTable(jobs)}\n\n${fileTable(files)}\n\n` +
    bullets([
      `catalog job within 1.15x the bound: ${ratio <= 1.15 ? "met" : "MISSED"} (${ratio.toFixed(2)}x)`,
      `catalog job with no product failed: ${adaptive.failed === 0 ? "met" : "MISSED"} (${adaptive.failed})`,
      `catalog job with no product written twice: ${adaptive.writtenTwice === 0 ? "met" : "MISSED"} (${adaptive.writtenTwice})`,
      ...fileTargets(files),
    ])
  );
}

async function trafficFigures(): Promise<string> {
  const products = 200;
  process.stderr.write(
    `measuring tool traffic: a ${products}-product catalog written by the calling model...\n`,
  );
  const figures = await measureTraffic("dist/copydesk", products);
  return (
    header(
      "tool traffic through the built executable, a client without sampling (the calling model writes, the stand-in plays it): characters of each call's arguments and of its result's text and structured content",
    ) + `${trafficTable(figures)}\n\n${bullets(trafficTargets(figures))}`
  );
}
