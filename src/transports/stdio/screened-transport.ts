import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../../log/logger.ts";
import { type LineEvent, lineSplitter, MAX_LINE_BYTES } from "./line-splitter.ts";
import { type ErrorReply, screenLine } from "./screen-message.ts";

/**
 * The SDK's stdio transport with its reading half replaced. SDK 1.32.2 drops, without any answer, every
 * line it cannot parse or that fails its message schema (malformed JSON, a BOM, batches, params that are
 * not an object), and a line over 10 MiB makes it close the transport, after which the process exits
 * with code 0. Here each line is screened first (screen-message.ts) and answered per JSON-RPC 2.0; only
 * well-formed messages reach the SDK. Writing stays the SDK's.
 */
export class ScreenedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly #stdin: Readable;
  readonly #writer: StdioServerTransport;
  readonly #logger: Logger;
  readonly #onData: (chunk: Buffer) => void;
  readonly #onError = (error: Error) => this.onerror?.(error);

  constructor(options: { stdin: Readable; stdout: Writable; logger: Logger; maxLineBytes?: number }) {
    this.#stdin = options.stdin;
    this.#logger = options.logger;
    // Never started: only its send() is used, so it never listens to stdin.
    this.#writer = new StdioServerTransport(options.stdin, options.stdout);
    this.#writer.onclose = () => this.onclose?.();
    this.#onData = lineSplitter((event) => this.#receive(event), options.maxLineBytes ?? MAX_LINE_BYTES);
  }

  async start(): Promise<void> {
    this.#stdin.on("data", this.#onData);
    this.#stdin.on("error", this.#onError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.#writer.send(message);
  }

  async close(): Promise<void> {
    this.#stdin.off("data", this.#onData);
    this.#stdin.off("error", this.#onError);
    await this.#writer.close();
  }

  #receive(event: LineEvent): void {
    if (event.kind === "too-long") {
      const limit = `${MAX_LINE_BYTES / 1024 / 1024} MiB`;
      this.#logger.warning(
        `Skipped a message of ${event.bytes} bytes: a message may be at most ${limit} (one line)`,
      );
      this.#reply({
        jsonrpc: "2.0",
        id: null,
        error: {
          code: ErrorCode.InvalidRequest,
          message: `Invalid Request: a message of ${event.bytes} bytes is over copydesk's limit of ${limit}; it was skipped`,
        },
      });
      return;
    }
    let screened: ReturnType<typeof screenLine>;
    try {
      screened = screenLine(event.text);
    } catch {
      // JSON nested deeper than the stack, and the like.
      screened = {
        kind: "replies",
        replies: [
          {
            jsonrpc: "2.0",
            id: null,
            error: {
              code: ErrorCode.InvalidRequest,
              message: "Invalid Request: the message could not be read",
            },
          },
        ],
      };
    }
    if (screened.kind === "message") {
      this.onmessage?.(screened.message);
    } else if (screened.kind === "replies") {
      for (const reply of screened.replies) {
        this.#logger.debug(`Answered a malformed message: ${reply.error.message}`);
        this.#reply(reply);
      }
    } else {
      this.#logger.debug(`Ignored ${screened.reason}`);
    }
  }

  #reply(reply: ErrorReply): void {
    // An id of null is what JSON-RPC prescribes, though the SDK's own types leave it out.
    this.send(reply as JSONRPCMessage).catch((error: unknown) =>
      this.onerror?.(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
