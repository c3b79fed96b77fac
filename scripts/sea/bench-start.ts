// Cold start of an executable: spawn -> first stdout line, median of N runs (default 10).
// node scripts/sea/bench-start.ts [--runs 10] [--probe echo|mcp] -- <command...>
// `--probe mcp` sends an MCP initialize request, so the figure is "initialize answered".
import { parseArgs } from "node:util";
import { ECHO_PROBE, median, type Probe, probe } from "./spawn-probe.ts";

const MCP_PROBE: Probe = {
  stdin: `${JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "0" } },
  })}\n`,
  expect: /"result"/,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "10" }, probe: { type: "string", default: "echo" } },
});
const p = values.probe === "mcp" ? MCP_PROBE : ECHO_PROBE;
const times: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const r = await probe(positionals, p, { env: { PATH: "/usr/bin:/bin" } });
  if (!r.ok || r.firstLineMs === undefined) throw new Error(`run ${i} failed: ${r.stderr.slice(0, 500)}`);
  times.push(r.firstLineMs);
}
const f = (x: number) => x.toFixed(0);
process.stdout.write(
  `median ${f(median(times))} ms (min ${f(Math.min(...times))}, max ${f(Math.max(...times))}, n=${times.length})\n`,
);
