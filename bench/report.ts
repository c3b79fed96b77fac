import type { Figures } from "./measure.ts";

const MIB = 1024 * 1024;

interface Column {
  readonly label: string;
  readonly value: (f: Figures) => number;
  readonly format: (n: number) => string;
}

const COLUMNS: readonly Column[] = [
  { label: "cold start", value: (f) => f.coldStartMs, format: (n) => `${n.toFixed(1)} ms` },
  {
    label: "cold start to tools/list",
    value: (f) => f.toolsListedMs,
    format: (n) => `${n.toFixed(1)} ms`,
  },
  { label: "create_product p50", value: (f) => f.p50Ms, format: (n) => `${n.toFixed(3)} ms` },
  { label: "create_product p99", value: (f) => f.p99Ms, format: (n) => `${n.toFixed(3)} ms` },
  {
    label: "throughput (32 in flight)",
    value: (f) => f.callsPerSecond,
    format: (n) => `${Math.round(n)} calls/s`,
  },
  { label: "peak RSS", value: (f) => f.peakRssBytes, format: (n) => `${(n / MIB).toFixed(1)} MiB` },
  {
    label: "peak private memory",
    value: (f) => f.peakPrivateBytes,
    format: (n) => `${(n / MIB).toFixed(1)} MiB`,
  },
  { label: "executable size", value: (f) => f.sizeBytes, format: (n) => `${(n / MIB).toFixed(1)} MiB` },
];

/** A Markdown table: every figure, and for each row copydesk's (the first subject's) ratio to each of the others. */
export function table(results: ReadonlyArray<{ name: string; figures: Figures }>): string {
  const [copydesk, ...baselines] = results;
  const lines = [
    `| | ${results.map((r) => r.name).join(" | ")} | ${baselines.map((b) => `copydesk / ${b.name}`).join(" | ")} |`,
    `| --- |${" --- |".repeat(results.length + baselines.length)}`,
  ];
  for (const column of COLUMNS) {
    const cells = results.map((r) => column.format(column.value(r.figures)));
    const ratios = baselines.map((base) =>
      copydesk ? `${(column.value(copydesk.figures) / column.value(base.figures)).toFixed(2)}x` : "",
    );
    lines.push(`| ${column.label} | ${[...cells, ...ratios].join(" | ")} |`);
  }
  return lines.join("\n");
}

const within = (a: number, b: number, pct: number) => (a <= b * (1 + pct / 100) ? "met" : "MISSED");
const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;
const withinMiB = (a: number, b: number, limit: number) =>
  `${a - b <= limit * MIB ? "met" : "MISSED"} (${a >= b ? `${mib(a - b)} more` : `${mib(b - a)} less`})`;

/** Issue 8: the executable's cold start and peak RSS stay within 10% and 15 MiB of the build before it. */
export function beforeTargets(copydesk: Figures, before: Figures): string[] {
  return [
    `cold start within 10% of copydesk before the catalog: ${within(copydesk.coldStartMs, before.coldStartMs, 10)} (${(copydesk.coldStartMs / before.coldStartMs).toFixed(2)}x; to the first tools/list ${(copydesk.toolsListedMs / before.toolsListedMs).toFixed(2)}x)`,
    `peak RSS within 15 MiB of copydesk before the catalog: ${withinMiB(copydesk.peakRssBytes, before.peakRssBytes, 15)}`,
    `peak private memory within 15 MiB of copydesk before the catalog: ${withinMiB(copydesk.peakPrivateBytes, before.peakPrivateBytes, 15)}`,
  ];
}

/** Issue 3: against the smallest server on the same SDK, and the floor for Node. */
export function targets(copydesk: Figures, sdk: Figures, raw: Figures): string[] {
  return [
    `cold start within 10% of the SDK baseline: ${within(copydesk.coldStartMs, sdk.coldStartMs, 10)}`,
    `p50 latency within 10%: ${within(copydesk.p50Ms, sdk.p50Ms, 10)}`,
    `throughput within 10%: ${copydesk.callsPerSecond >= sdk.callsPerSecond * 0.9 ? "met" : "MISSED"}`,
    `peak RSS within 15 MiB: ${withinMiB(copydesk.peakRssBytes, sdk.peakRssBytes, 15)}`,
    `peak private memory within 15 MiB: ${withinMiB(copydesk.peakPrivateBytes, sdk.peakPrivateBytes, 15)}`,
    `cold start vs the raw floor: ${(copydesk.coldStartMs / raw.coldStartMs).toFixed(2)}x (aim: toward 1.5x)`,
  ];
}

/** The parts of `npm run bench`, each with its own generated block in docs/benchmarks.md. */
export type BenchPart = "server" | "catalog" | "traffic";

/**
 * docs/benchmarks.md with one part's figures put between its markers (`<!-- generated:bench-server -->`
 * ... `<!-- /generated:bench-server -->`), so the document always shows what the last full run printed.
 */
export function withFigures(doc: string, part: BenchPart, figures: string): string {
  const open = `<!-- generated:bench-${part} -->`;
  const close = `<!-- /generated:bench-${part} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start === -1 || end < start) throw new Error(`docs/benchmarks.md lacks the ${open} block`);
  return `${doc.slice(0, start + open.length)}\n${figures.trim()}\n${doc.slice(end)}`;
}
