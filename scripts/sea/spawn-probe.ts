// Starts an executable, sends one line on stdin and waits for the expected answer, timing
// spawn -> first stdout line (our cold-start figure).
import { spawn } from "node:child_process";

export interface Probe {
  stdin: string;
  expect: RegExp;
}

/** Matches the self-made test main (test/fixtures): it answers "echo <LINE UPPERCASED>". */
export const ECHO_PROBE: Probe = { stdin: "ping\n", expect: /^echo PING$/m };

export interface ProbeResult {
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  firstLineMs: number | undefined;
}

export function probe(
  cmd: string[],
  p: Probe,
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const [exe, ...args] = cmd;
  if (!exe) throw new Error("probe: empty command");
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    let firstLineMs: number | undefined;
    let stdout = "";
    let stderr = "";
    const child = spawn(exe, args, { cwd: opts.cwd, env: opts.env ?? {}, stdio: "pipe" });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (firstLineMs === undefined && stdout.includes("\n")) {
        firstLineMs = Number(process.hrtime.bigint() - start) / 1e6;
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdin.on("error", () => {}); // the child may exit before reading
    child.stdin.end(p.stdin);
    child.on("error", (e) => {
      stderr += String(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && p.expect.test(stdout), code, stdout, stderr, firstLineMs });
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
