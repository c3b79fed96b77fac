import type { Figures } from "./measure.ts";

const MIB = 1024 * 1024;

interface Column {
  readonly label: string;
  readonly value: (f: Figures) => number;
  readonly format: (n: number) => string;
}

const COLUMNS: readonly Column[] = [
  { label: "cold start", value: (f) => f.coldStartMs, format: (n) => `${n.toFixed(1)} ms` },
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

/** A Markdown table: every figure, and for each row its ratio to the two baselines. */
export function table(results: ReadonlyArray<{ name: string; figures: Figures }>): string {
  const [sdk, raw] = [results[1], results[2]];
  const lines = [
    `| | ${results.map((r) => r.name).join(" | ")} | copydesk / SDK baseline | copydesk / raw floor |`,
    `| --- |${" --- |".repeat(results.length + 2)}`,
  ];
  const copydesk = results[0];
  for (const column of COLUMNS) {
    const cells = results.map((r) => column.format(column.value(r.figures)));
    const ratio = (base?: { figures: Figures }) =>
      copydesk && base ? `${(column.value(copydesk.figures) / column.value(base.figures)).toFixed(2)}x` : "";
    lines.push(`| ${column.label} | ${cells.join(" | ")} | ${ratio(sdk)} | ${ratio(raw)} |`);
  }
  return lines.join("\n");
}

export function targets(copydesk: Figures, sdk: Figures, raw: Figures): string[] {
  const within = (a: number, b: number, pct: number) => (a <= b * (1 + pct / 100) ? "met" : "MISSED");
  return [
    `cold start within 10% of the SDK baseline: ${within(copydesk.coldStartMs, sdk.coldStartMs, 10)}`,
    `p50 latency within 10%: ${within(copydesk.p50Ms, sdk.p50Ms, 10)}`,
    `throughput within 10%: ${copydesk.callsPerSecond >= sdk.callsPerSecond * 0.9 ? "met" : "MISSED"}`,
    `peak RSS within 15 MiB: ${copydesk.peakRssBytes - sdk.peakRssBytes <= 15 * MIB ? "met" : "MISSED"} (${((copydesk.peakRssBytes - sdk.peakRssBytes) / MIB).toFixed(1)} MiB more)`,
    `peak private memory within 15 MiB: ${copydesk.peakPrivateBytes - sdk.peakPrivateBytes <= 15 * MIB ? "met" : "MISSED"} (${((copydesk.peakPrivateBytes - sdk.peakPrivateBytes) / MIB).toFixed(1)} MiB more)`,
    `cold start vs the raw floor: ${(copydesk.coldStartMs / raw.coldStartMs).toFixed(2)}x (aim: toward 1.5x)`,
  ];
}
