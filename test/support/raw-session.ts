import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { EXECUTABLE, NO_NODE_PATH } from "./server-process.ts";

export type JsonRpcMessage = {
  jsonrpc?: unknown;
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
};

/**
 * Speaks JSON-RPC to the executable by hand, without the SDK, and keeps every raw stdout line: for
 * tests about what exactly crosses stdout and about how the process ends.
 */
export class RawSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[] = [];
  readonly messages: JsonRpcMessage[] = [];
  /** Everything written to stderr so far. */
  stderr = "";
  private readonly waiters: Array<{
    match: (m: JsonRpcMessage) => boolean;
    resolve: (m: JsonRpcMessage) => void;
  }> = [];
  private nextId = 1;

  constructor(args: readonly string[]) {
    this.child = spawn(EXECUTABLE, [...args], {
      env: { PATH: NO_NODE_PATH },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      this.lines.push(line);
      let message: JsonRpcMessage;
      try {
        message = JSON.parse(line) as JsonRpcMessage;
      } catch {
        return;
      }
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  send(message: JsonRpcMessage): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  }

  /** Sends a request and waits for its response. */
  async request(method: string, params: Record<string, unknown> = {}): Promise<JsonRpcMessage> {
    const id = this.nextId++;
    const answered = this.waitFor((m) => m.id === id && m.method === undefined);
    this.send({ id, method, params });
    return answered;
  }

  waitFor(match: (message: JsonRpcMessage) => boolean): Promise<JsonRpcMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async initialize(capabilities: Record<string, unknown>): Promise<void> {
    await this.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities,
      clientInfo: { name: "raw-test-client", version: "1.0.0" },
    });
    this.send({ method: "notifications/initialized" });
  }

  /** Resolves with how the process ended. */
  async exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return { code: this.child.exitCode, signal: this.child.signalCode };
    }
    const [code, signal] = (await once(this.child, "exit")) as [number | null, NodeJS.Signals | null];
    return { code, signal };
  }
}
