/**
 * `npm run bench`: copydesk against two baselines built and run the same way (esbuild bundle, then a
 * single executable from the same Node), measured in the same run. Prints figures, not verdicts on
 * wall-clock time in tests.
 */
import { mkdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { bundle } from "../scripts/bundle.ts";
import { buildHostExecutable } from "../scripts/sea/host.ts";
import { coldStarts, type Figures, measure, type Plan, type Subject } from "./measure.ts";
import { table, targets } from "./report.ts";

const quick = process.argv.includes("--quick");
const plan: Plan = quick
  ? { coldStarts: 5, sequentialCalls: 100, concurrentCalls: 320, inFlight: 32, rounds: 1 }
  : { coldStarts: 31, sequentialCalls: 1000, concurrentCalls: 3200, inFlight: 32, rounds: 5 };

mkdirSync(".bench", { recursive: true });
for (const name of ["minimal-sdk-server", "raw-jsonrpc-server"]) {
  // Built exactly as copydesk's executable is: a snapshot main in a single executable.
  await bundle({ entry: `bench/baselines/${name}.ts`, outfile: `.bench/${name}.cjs`, snapshot: true });
  await buildHostExecutable({ main: `.bench/${name}.cjs`, output: `.bench/${name}`, snapshot: true });
}

const subjects: Subject[] = [
  {
    name: "copydesk",
    executable: "dist/copydesk",
    args: (dir) => ["--data-dir", dir, "--log-level", "error"],
  },
  { name: "SDK baseline", executable: ".bench/minimal-sdk-server" },
  { name: "raw floor", executable: ".bench/raw-jsonrpc-server" },
];
process.stderr.write("measuring cold starts...\n");
const starts = await coldStarts(subjects, plan.coldStarts);
const results: Array<{ name: string; figures: Figures }> = [];
for (const [index, subject] of subjects.entries()) {
  process.stderr.write(`measuring ${subject.name} under load...\n`);
  results.push({ name: subject.name, figures: await measure(subject, plan, starts[index] ?? Number.NaN) });
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
process.stdout.write(
  `copydesk benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} x ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}` +
    `${quick ? " (quick)" : ""}: medians of ${plan.coldStarts} cold starts and ${plan.rounds} load runs ` +
    `(${plan.sequentialCalls} sequential calls, ${plan.concurrentCalls} with ${plan.inFlight} in flight)\n\n`,
);
process.stdout.write(`${table(results)}\n\n`);
const [copydesk, sdk, raw] = results.map((r) => r.figures) as [Figures, Figures, Figures];
for (const line of targets(copydesk, sdk, raw)) process.stdout.write(`- ${line}\n`);
