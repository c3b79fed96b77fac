import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type CreateMessageResult,
  EmptyResultSchema,
  ErrorCode,
  McpError,
  type ModelPreferences,
  type SamplingMessage,
} from "@modelcontextprotocol/sdk/types.js";
import type { WritingBrief } from "../kinds/brief.ts";
import { describeDuration } from "../platform/duration.ts";
import type { Logger } from "../platform/logger.ts";
import { GenerationError, SAMPLING_CLIENTS } from "./errors.ts";
import type { CallContext, RawReply } from "./generation.ts";

export interface SamplingConfig {
  /** How long to wait for the client: it may show the user an approval dialog first. */
  readonly timeoutMs: number;
  readonly modelPreferences: ModelPreferences;
}

/** The only code that sends `sampling/createMessage`. */
export interface ClientSampling {
  /** Whether the connected client declared the sampling capability. */
  available(): boolean;
  ask(brief: WritingBrief, call: CallContext): Promise<RawReply>;
  /**
   * Spends request id 0 on a ping. SDK 1.32.2 ignores a cancellation for id 0 (typescript-sdk #2283),
   * and the first request a server sends gets id 0: without this, the first sampling request could not
   * be cancelled. Call once the client has sent `initialized`.
   */
  spendRequestIdZero(): void;
}

/** The user rejected the request (spec 2025-06-18 uses -1; VS Code says "denied permission"). */
const USER_REJECTED = -1;

export function createClientSampling(server: Server, config: SamplingConfig, logger: Logger): ClientSampling {
  return {
    available: () => Boolean(server.getClientCapabilities()?.sampling),
    async ask(brief, call) {
      let result: CreateMessageResult;
      try {
        result = await server.createMessage(
          {
            messages: samplingMessages(brief),
            systemPrompt: brief.systemPrompt,
            modelPreferences: config.modelPreferences,
            includeContext: "none",
            maxTokens: brief.maxTokens,
            temperature: brief.temperature,
          },
          // The SDK attaches neither the tool call's id nor its signal by itself.
          { relatedRequestId: call.requestId, signal: call.signal, timeout: config.timeoutMs },
        );
      } catch (error) {
        throw explain(error, call.signal, config.timeoutMs);
      }
      return {
        text: readText(result, brief.label),
        model: result.model,
        stopReason: result.stopReason ?? null,
      };
    },
    spendRequestIdZero() {
      // Its only job is to use up id 0. Over HTTP it can arrive before the client opens its event
      // stream and go nowhere: do not keep it pending for the default minute.
      server.request({ method: "ping" }, EmptyResultSchema, { timeout: 5000 }).catch((error: unknown) => {
        logger.debug(`Start-up ping went unanswered: ${String(error)}`);
      });
    },
  };
}

/**
 * One content block per message, as the 2025-06-18 schema has it (arrays came with 2025-11-25): the
 * image as a user message of its own before the prompt, then the later turns in order.
 */
function samplingMessages(brief: WritingBrief): SamplingMessage[] {
  const { image } = brief;
  return [
    ...(image
      ? [
          {
            role: "user" as const,
            content: { type: "image" as const, data: image.data, mimeType: image.mimeType },
          },
        ]
      : []),
    { role: "user", content: { type: "text", text: brief.userPrompt } },
    ...(brief.followUps ?? []).map(({ role, text }) => ({ role, content: { type: "text" as const, text } })),
  ];
}

function readText(result: CreateMessageResult, label: string): string {
  const blocks: unknown[] = Array.isArray(result.content) ? result.content : [result.content];
  const types = blocks.map((block) => (block as { type?: unknown }).type);
  if (blocks.length === 0 || types.some((type) => type !== "text")) {
    const found = [...new Set(types.map(String))].join(", ") || "nothing";
    throw new GenerationError(
      "not-text",
      `The client's model (${result.model}) answered with ${found} content instead of text, so there is no ` +
        `${label} to store. Try again, or choose a text model in your client.`,
    );
  }
  return blocks.map((block) => (block as { text: string }).text).join("\n");
}

function explain(error: unknown, signal: AbortSignal, timeoutMs: number): Error {
  if (signal.aborted) {
    return new GenerationError(
      "cancelled",
      "The tool call was cancelled, so its sampling request was cancelled too.",
      {
        cause: error,
      },
    );
  }
  if (!(error instanceof McpError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new GenerationError("client-error", `The sampling request failed: ${message}`, { cause: error });
  }
  const detail = error.message.replace(/^(?:MCP error -?\d+: )+/, "");
  if (error.code === ErrorCode.RequestTimeout) {
    return new GenerationError(
      "timeout",
      `The client did not answer the sampling request within ${describeDuration(timeoutMs)}. If your client ` +
        "asked you to approve the request, approve it and try again; a slow model needs a longer " +
        "--sampling-timeout.",
      { cause: error },
    );
  }
  if (error.code === ErrorCode.MethodNotFound) {
    return new GenerationError(
      "no-sampling",
      `The client does not support MCP sampling (it answered: ${detail}). Use a client that does, such as ${SAMPLING_CLIENTS}, or configure a provider (--provider).`,
      { cause: error },
    );
  }
  if (error.code === USER_REJECTED || /\b(denied|declined|rejected)\b/i.test(detail)) {
    return new GenerationError(
      "declined",
      `The request to write with the client's model was declined (${detail}). To let copydesk write, ` +
        'allow its sampling requests in your client (VS Code: "Allow" when asked, or the server\'s ' +
        '"Configure Model Access"), then try again.',
      { cause: error },
    );
  }
  return new GenerationError("client-error", `The client could not produce the text: ${detail}`, {
    cause: error,
  });
}
