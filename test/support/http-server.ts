import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CreateMessageRequest, CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { EXECUTABLE, NO_NODE_PATH, type SamplingHandler, tempDataDir } from "./server-process.ts";

export interface HttpProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** The URL the server logged, e.g. http://127.0.0.1:41234/mcp. */
  readonly url: string;
  readonly dataDir: string;
  readonly stderr: () => string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}

/** Starts `copydesk --http --port 0` and waits for the URL it logs on stderr. */
export async function startHttpProcess(
  options: { args?: readonly string[]; env?: Record<string, string> } = {},
): Promise<HttpProcess> {
  const dataDir = tempDataDir();
  const child = spawn(EXECUTABLE, ["--http", "--port", "0", "--data-dir", dataDir, ...(options.args ?? [])], {
    env: { PATH: NO_NODE_PATH, HOME: dataDir, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL on stderr:\n${stderr}`)), 10_000);
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${stderr}`));
    });
  });
  const exited = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return { code: child.exitCode, signal: child.signalCode };
    }
    const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    return { code, signal };
  };
  return {
    child,
    url,
    dataDir,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited();
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HttpClient {
  readonly client: Client;
  readonly transport: StreamableHTTPClientTransport;
  readonly samplingRequests: CreateMessageRequest["params"][];
  close(): Promise<void>;
}

/** An SDK client over Streamable HTTP whose sampling handler plays the LLM. */
export async function connectHttpClient(
  url: string,
  options: { sampling?: SamplingHandler; token?: string; name?: string } = {},
): Promise<HttpClient> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: options.token ? { headers: { Authorization: `Bearer ${options.token}` } } : {},
  });
  const client = new Client(
    { name: options.name ?? "copydesk-http-test", version: "1.0.0" },
    { capabilities: options.sampling ? { sampling: {} } : {} },
  );
  const samplingRequests: CreateMessageRequest["params"][] = [];
  const sampling = options.sampling;
  if (sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, (request, extra) => {
      samplingRequests.push(request.params);
      return sampling(request, extra);
    });
  }
  await client.connect(transport);
  return { client, transport, samplingRequests, close: () => client.close() };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * A plain HTTP request through node:http, which, unlike fetch, lets a test forge the Host header the
 * way a DNS-rebinding page's browser would send it.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; path?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname.replace(/^\[|\]$/g, ""),
        port: target.port,
        path: options.path ?? target.pathname,
        method: options.method ?? "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          ...options.headers,
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});
