import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { RequestHandlerExtra, RequestOptions } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  type CallToolResult,
  type ClientNotification,
  type ClientRequest,
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type CreateMessageResult,
  LoggingMessageNotificationSchema,
  ResourceListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";

/** The built single executable: what a desktop client spawns. */
export const EXECUTABLE = resolve(process.env.COPYDESK_EXECUTABLE ?? "dist/copydesk");

/**
 * An empty folder as the whole PATH: this machine has a system node in /usr/bin, and the executable
 * must not need it (or anything else on PATH).
 */
export const NO_NODE_PATH = mkdtempSync(join(tmpdir(), "copydesk-no-node-path-"));

export type SamplingHandler = (
  request: CreateMessageRequest,
  extra: RequestHandlerExtra<ClientRequest, ClientNotification>,
) => Promise<CreateMessageResult>;

export interface StartOptions {
  /** Plays the client's LLM; omit for a client without the sampling capability. */
  readonly sampling?: SamplingHandler;
  readonly args?: readonly string[];
  /** A data folder to reuse (e.g. across a restart); a fresh temporary one by default. */
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
  /** What to run instead of the executable, e.g. qemu and an arm64 build. */
  readonly command?: readonly string[];
  /** Client capabilities besides sampling, e.g. the MCP Apps extension. */
  readonly capabilities?: Record<string, unknown>;
}

export interface RunningServer {
  readonly client: Client;
  readonly dataDir: string;
  readonly samplingRequests: CreateMessageRequest["params"][];
  readonly logMessages: string[];
  readonly stderr: () => string;
  resourceListChanges: number;
  /** Closes the client; the server is expected to exit. Removes a temporary data folder. */
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "copydesk-test-"));
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDataDir();
  const [command = EXECUTABLE, ...prefix] = options.command ?? [];
  const transport = new StdioClientTransport({
    command,
    args: [...prefix, "--data-dir", dataDir, ...(options.args ?? [])],
    // A desktop client passes a small environment; no node on PATH proves the executable stands alone.
    env: { PATH: NO_NODE_PATH, HOME: dataDir, ...options.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client(
    { name: "copydesk-test-client", version: "1.0.0" },
    { capabilities: { ...(options.sampling ? { sampling: {} } : {}), ...options.capabilities } },
  );
  const running: RunningServer = {
    client,
    dataDir,
    samplingRequests: [],
    logMessages: [],
    stderr: () => stderr,
    resourceListChanges: 0,
    async close() {
      await client.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  observeClient(client, running, options.sampling);
  await client.connect(transport);
  return running;
}

/** What a test sees of the server through its client: sampling requests, log messages, list changes. */
export interface ClientObservations {
  readonly samplingRequests: CreateMessageRequest["params"][];
  readonly logMessages: string[];
  resourceListChanges: number;
}

/** Plays the client's LLM with `sampling` (if given) and records what the server sends the client. */
export function observeClient(client: Client, seen: ClientObservations, sampling?: SamplingHandler): void {
  if (sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, (request, extra) => {
      seen.samplingRequests.push(request.params);
      return sampling(request, extra);
    });
  }
  client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    seen.logMessages.push(String(notification.params.data));
  });
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
    seen.resourceListChanges++;
  });
}

/** A stand-in LLM that answers at once with the given text. */
export function replyWith(text: string, model = "test-model-1"): SamplingHandler {
  return async () => ({ role: "assistant", model, stopReason: "endTurn", content: { type: "text", text } });
}

/** Calls a tool; the SDK's return type also covers a legacy shape copydesk never sends. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
  options?: RequestOptions,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, options)) as CallToolResult;
}

/**
 * Calls a tool and cancels the call (as a client's stop button does) once `until` resolves; resolves when
 * the cancelled call has been rejected.
 */
export async function callThenCancel(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  until: Promise<unknown>,
): Promise<void> {
  const controller = new AbortController();
  const call = callTool(client, name, args, { signal: controller.signal });
  await until;
  controller.abort("user pressed stop");
  await call.then(
    () => {
      throw new Error(`${name} answered although it was cancelled`);
    },
    () => undefined,
  );
}

/** The text blocks of a tool result. */
export function textOf(result: CallToolResult): string {
  return result.content
    .filter((block) => block.type === "text")
    .map((block) => block.text)
    .join("\n");
}

/** Waits until a condition holds; the test runner's timeout ends a wait that never does. */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  // `what` names the wait in a stack trace when the runner's timeout ends it.
  void what;
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
