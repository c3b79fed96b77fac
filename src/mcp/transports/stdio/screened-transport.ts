import type { Readable, Writable } from "node:stream";
import { serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../../../platform/logger.ts";
import { type LineEvent, lineSplitter, MAX_LINE_BYTES } from "./line-splitter.ts";
import { type ErrorReply, screenLine } from "./screen-message.ts";

/**
 * Stdio for the SDK's Server, in place of its StdioServerTransport. SDK 1.32.2's transport drops, without
 * any answer, every line it cannot parse or that fails its message schema (malformed JSON, a BOM,
 * batches, params that are not an object), and a line over 10 MiB makes it close itself, after which the
 * process exits with code 0. Here each line is screened first (screen-message.ts, with the SDK's own
 * schemas) and answered per JSON-RPC 2.0; only well-formed messages reach the SDK. Output is the SDK's
 * framing (serializeMessage) with U+0085, U+2028 and U+2029 escaped: JSON allows them raw inside
 * strings, but line readers such as Node's readline and Python's splitlines() break lines there.
 */
export class ScreenedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly #stdin: Readable;
  readonly #stdout: Writable;
  readonly #logger: Logger;
  readonly #onData: (chunk: Buffer) => void;
  readonly #onError = (error: Error) => this.onerror?.(error);

  constructor(options: { stdin: Readable; stdout: Writable; logger: Logger; maxLineBytes?: number }) {
    this.#stdin = options.stdin;
    this.#stdout = options.stdout;
    this.#logger = options.logger;
    this.#onData = lineSplitter((event) => this.#receive(event), options.maxLineBytes ?? MAX_LINE_BYTES);
  }

  async start(): Promise<void> {
    this.#stdin.on("data", this.#onData);
    this.#stdin.on("error", this.#onError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    const line = serializeMessage(message).replace(
      /[\u0085\u2028\u2029]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    return new Promise((resolve) => {
      if (this.#stdout.write(line)) resolve();
      else this.#stdout.once("drain", resolve);
    });
  }

  async close(): Promise<void> {
    this.#stdin.off("data", this.#onData);
    this.#stdin.off("error", this.#onError);
    // As the SDK's transport does: stop reading unless someone else still listens.
    if (this.#stdin.listenerCount("data") === 0) this.#stdin.pause();
    this.onclose?.();
  }

  #receive(event: LineEvent): void {
    if (event.type === "too-long") {
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
        type: "replies",
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
    if (screened.type === "message") {
      this.onmessage?.(screened.message);
    } else if (screened.type === "replies") {
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
