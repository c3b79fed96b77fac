/**
 * `npm run bench`: copydesk against two baselines built and run the same way (esbuild bundle, then a
 * single executable from the same Node), measured in the same run. Prints figures, not verdicts on
 * wall-clock time in tests.
 */
import { mkdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { bundle } from "../scripts/bundle.ts";
import { buildHostExecutable } from "../scripts/sea/host.ts";
import { BEFORE_COMMIT, buildBefore } from "./before.ts";
import { fileTable, fileTargets, measureFiles } from "./catalog/files.ts";
import { BOUND_SECONDS_PER_1000, type JobFigures, jobTable, measureJob } from "./catalog/jobs.ts";
import { coldStarts, type Figures, measure, type Plan, type Subject } from "./measure.ts";
import { beforeTargets, table, targets } from "./report.ts";
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

const header = (what: string) => {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return (
    `copydesk benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} x ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}${quick ? " (quick)" : ""}: ${what}\n\n`
  );
};

if (!catalogOnly && !trafficOnly) await serverFigures();
if (!serverOnly && !trafficOnly) await catalogFigures();
if (!catalogOnly && !serverOnly) await trafficFigures();

async function serverFigures(): Promise<void> {
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
  process.stdout.write(
    header(
      `medians of ${plan.coldStarts} cold starts and ${plan.rounds} load runs ` +
        `(${plan.sequentialCalls} sequential calls, ${plan.concurrentCalls} with ${plan.inFlight} in flight)`,
    ),
  );
  process.stdout.write(`${table(results)}\n\n`);
  const figures = results.map((r) => r.figures);
  const [ours, sdk, raw] = [figures[0], figures.at(-2), figures.at(-1)] as [Figures, Figures, Figures];
  const lines = [...(before ? beforeTargets(ours, figures[1] as Figures) : []), ...targets(ours, sdk, raw)];
  for (const line of lines) process.stdout.write(`- ${line}\n`);
}

async function catalogFigures(): Promise<void> {
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

  process.stdout.write(
    `\n${header("catalog jobs through the built executable (copydesk import, then copydesk write), one run each; catalog files through importProducts and exportProducts, each step in its own process, medians of 3 rounds")}`,
  );
  process.stdout.write(`${jobTable(jobs)}\n\n${fileTable(files)}\n\n`);
  const [adaptive] = jobs as [JobFigures];
  const ratio = adaptive.secondsPer1000 / BOUND_SECONDS_PER_1000;
  for (const line of [
    `catalog job within 1.15x the bound: ${ratio <= 1.15 ? "met" : "MISSED"} (${ratio.toFixed(2)}x)`,
    `catalog job with no product failed: ${adaptive.failed === 0 ? "met" : "MISSED"} (${adaptive.failed})`,
    `catalog job with no product written twice: ${adaptive.writtenTwice === 0 ? "met" : "MISSED"} (${adaptive.writtenTwice})`,
    ...fileTargets(files),
  ]) {
    process.stdout.write(`- ${line}\n`);
  }
}

async function trafficFigures(): Promise<void> {
  const products = 200;
  process.stderr.write(
    `measuring tool traffic: a ${products}-product catalog written by the calling model...\n`,
  );
  const figures = await measureTraffic("dist/copydesk", products);
  process.stdout.write(
    `\n${header("tool traffic through the built executable, a client without sampling (the calling model writes, the stand-in plays it): characters of each call's arguments and of its result's text and structured content")}`,
  );
  process.stdout.write(`${trafficTable(figures)}\n\n`);
  for (const line of trafficTargets(figures)) process.stdout.write(`- ${line}\n`);
}
