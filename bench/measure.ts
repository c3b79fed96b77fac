import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Driver } from "./driver.ts";
import { dropFromPageCache, readIntoPageCache } from "./page-cache.ts";
import { median, percentile } from "./stats.ts";

export interface Subject {
  readonly name: string;
  readonly executable: string;
  /** Extra arguments; a fresh data folder is passed where the subject takes one. */
  readonly args?: (dataDir: string) => string[];
}

export interface Figures {
  coldStartMs: number;
  /** Spawn to the first tools/list answer: when a client can show the tools. */
  toolsListedMs: number;
  p50Ms: number;
  p99Ms: number;
  callsPerSecond: number;
  peakRssBytes: number;
  /** Highest private (anonymous) memory seen, sampled every 10 ms under load. */
  peakPrivateBytes: number;
  sizeBytes: number;
}

export interface Plan {
  readonly coldStarts: number;
  readonly sequentialCalls: number;
  readonly concurrentCalls: number;
  readonly inFlight: number;
  /** Each figure is the median over this many independent runs. */
  readonly rounds: number;
}

/** Spawn to the initialize answer, and spawn to the answer of the tools/list every client sends next. */
async function coldStart(subject: Subject, dataDir: string): Promise<ColdStart> {
  const driver = new Driver(subject.executable, subject.args?.(dataDir) ?? []);
  const initializeMs = await driver.initialize();
  const toolsListedMs = await driver.listTools();
  await driver.close();
  return { initializeMs, toolsListedMs };
}

export interface ColdStart {
  readonly initializeMs: number;
  readonly toolsListedMs: number;
}

async function load(subject: Subject, dataDir: string, plan: Plan) {
  dropFromPageCache(subject.executable);
  const driver = new Driver(subject.executable, subject.args?.(dataDir) ?? []);
  await driver.initialize();
  for (let i = 0; i < 20; i++) await driver.createProduct(i); // warm-up: JIT, caches, the database file
  const latencies: number[] = [];
  for (let i = 0; i < plan.sequentialCalls; i++) latencies.push(await driver.createProduct(i));

  let peakPrivateBytes = driver.privateRss();
  const sampler = setInterval(() => {
    peakPrivateBytes = Math.max(peakPrivateBytes, driver.privateRss());
  }, 10);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < plan.concurrentCalls) await driver.createProduct(next++);
  };
  await Promise.all(Array.from({ length: plan.inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakPrivateBytes = Math.max(peakPrivateBytes, driver.privateRss());
  const peakRssBytes = driver.peakRss();
  await driver.close();
  return { latencies, callsPerSecond: plan.concurrentCalls / seconds, peakRssBytes, peakPrivateBytes };
}

/**
 * Cold starts of every subject, taken in turn (A, B, C, A, B, C, ...) so that drift on a shared
 * machine lands on all of them alike, each executable first put in the page cache the same way; medians in
 * subject order.
 */
export async function coldStarts(subjects: readonly Subject[], count: number): Promise<ColdStart[]> {
  for (const subject of subjects) readIntoPageCache(subject.executable);
  const dataDir = mkdtempSync(join(tmpdir(), "copydesk-bench-"));
  try {
    const samples = subjects.map((): ColdStart[] => []);
    for (let i = 0; i < count; i++) {
      for (const [index, subject] of subjects.entries())
        samples[index]?.push(await coldStart(subject, dataDir));
    }
    return samples.map((runs) => ({
      initializeMs: median(runs.map((run) => run.initializeMs)),
      toolsListedMs: median(runs.map((run) => run.toolsListedMs)),
    }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measure(subject: Subject, plan: Plan, start: ColdStart): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), "copydesk-bench-"));
  try {
    const rounds = [];
    for (let i = 0; i < plan.rounds; i++) rounds.push(await load(subject, dataDir, plan));
    return {
      coldStartMs: start.initializeMs,
      toolsListedMs: start.toolsListedMs,
      p50Ms: median(rounds.map((r) => percentile(r.latencies, 50))),
      p99Ms: median(rounds.map((r) => percentile(r.latencies, 99))),
      callsPerSecond: median(rounds.map((r) => r.callsPerSecond)),
      peakRssBytes: median(rounds.map((r) => r.peakRssBytes)),
      peakPrivateBytes: median(rounds.map((r) => r.peakPrivateBytes)),
      sizeBytes: statSync(subject.executable).size,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
