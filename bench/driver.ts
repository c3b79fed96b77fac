import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { standInCopy } from "../scripts/demo/stand-in-model.ts";

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

/**
 * Drives a server over stdio with raw JSON-RPC, as cheaply as possible so the client side costs every
 * server the same. It answers sampling requests at once, like a client whose model is instant, with copy
 * that passes copydesk's checks (the stand-in model's JSON; the baselines take any text).
 */
export class Driver {
  readonly spawnedAt: number;
  private readonly child;
  private readonly waiting = new Map<number, (message: Message) => void>();
  private nextId = 1;

  constructor(command: string, args: readonly string[]) {
    this.spawnedAt = performance.now();
    this.child = spawn(command, [...args], {
      stdio: ["pipe", "pipe", "ignore"],
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    });
    createInterface({ input: this.child.stdout }).on("line", (line) =>
      this.receive(JSON.parse(line) as Message),
    );
  }

  private receive(message: Message): void {
    if (message.method === "sampling/createMessage") {
      this.send({
        id: message.id,
        result: {
          role: "assistant",
          model: "bench",
          content: { type: "text", text: standInCopy(firstText(message.params)) },
        },
      });
    } else if (message.method === undefined && message.id !== undefined) {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    }
  }

  private send(message: object): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  }

  request(method: string, params: object): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  async initialize(): Promise<number> {
    await this.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: { sampling: {} },
      clientInfo: { name: "bench", version: "1" },
    });
    const elapsed = performance.now() - this.spawnedAt;
    this.send({ method: "notifications/initialized" });
    return elapsed;
  }

  /** tools/list, as every client sends right after initializing; resolves with the ms since spawning. */
  async listTools(): Promise<number> {
    const answer = await this.request("tools/list", {});
    if (answer.error) throw new Error(`tools/list failed: ${JSON.stringify(answer)}`);
    return performance.now() - this.spawnedAt;
  }

  /** One create_product call, sampling round trip included; resolves with its latency in ms. */
  async createProduct(n: number): Promise<number> {
    const started = performance.now();
    const answer = await this.request("tools/call", {
      name: "create_product",
      arguments: { title: `Mug ${n}`, keywords: ["red", "350 ml"] },
    });
    if (answer.error || (answer.result as { isError?: boolean }).isError) {
      throw new Error(`create_product failed: ${JSON.stringify(answer)}`);
    }
    return performance.now() - started;
  }

  /** A field of the server's /proc status (Linux), in bytes. */
  private status(field: "VmHWM" | "RssAnon"): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  }

  /** Peak resident memory so far, shared pages of the executable included (VmHWM). */
  peakRss(): number {
    return this.status("VmHWM");
  }

  /**
   * Private (anonymous) resident memory now: the process's own heap and stacks, without the pages of
   * the executable that every process running it shares.
   */
  privateRss(): number {
    return this.status("RssAnon");
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end();
    await exited;
  }
}

function firstText(params: unknown): string {
  const messages = (params as { messages?: Array<{ content?: { type?: string; text?: string } }> }).messages;
  return messages?.find((message) => message.content?.type === "text")?.content?.text ?? "";
}
