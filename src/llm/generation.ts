import type { RequestId } from "@modelcontextprotocol/sdk/types.js";
import type { WritingBrief } from "../kinds/brief.ts";
import type { Logger } from "../platform/logger.ts";
import type { Route } from "../store/records.ts";
import { removeControlCharacters } from "../text/clean-text.ts";
import { GenerationError } from "./errors.ts";

export type { Route } from "../store/records.ts";

/** The tool call a generation belongs to: cancelling the call cancels the generation. */
export interface CallContext {
  readonly requestId: RequestId;
  readonly signal: AbortSignal;
}

/** A model's answer before it is read, from whichever route produced it. */
export interface RawReply {
  readonly text: string;
  readonly model: string;
  readonly stopReason: string | null;
  /** Tokens used, when the route reports them (providers do; client sampling does not). */
  readonly usage?: { readonly input: number; readonly output: number };
}

export interface Generation extends RawReply {
  readonly route: Exclude<Route, "host-model">;
  /** The model stopped at maxTokens: the reply may be cut off. */
  readonly truncated: boolean;
}

/**
 * The most a reply may hold, in UTF-8 bytes. Copy for one record is a few kilobytes; anything this long
 * is a runaway model, and storing it would make results and list pages too large for clients to read.
 */
export const MAX_REPLY_BYTES = 32 * 1024;
/** A model name longer than this is not a name. */
const MAX_MODEL_NAME = 200;

/** How many times an empty reply is asked again before giving up. */
const EMPTY_REPLY_RETRIES = 1;

/**
 * Asks a route for a reply, bounds it, removes control characters, and asks once more if nothing is left:
 * the same rules whichever model wrote it. Reading the reply (JSON, prose) is the caller's job.
 */
export async function generate(
  brief: WritingBrief,
  route: Exclude<Route, "host-model">,
  ask: () => Promise<RawReply>,
  logger: Logger,
): Promise<Generation> {
  const source = route === "client-sampling" ? "the client's model" : "the configured provider";
  for (let attempt = 0; ; attempt++) {
    logger.debug(`Asking ${source} for a ${brief.label}${attempt > 0 ? " (retry)" : ""}`);
    const reply = await ask();
    const model = removeControlCharacters(reply.model).trim().slice(0, MAX_MODEL_NAME) || "unnamed model";
    const bytes = Buffer.byteLength(reply.text);
    if (bytes > MAX_REPLY_BYTES) {
      throw new GenerationError(
        "too-long",
        `${capitalize(source)} (${model}) answered with ${Math.round(bytes / 1024)} KB, more than the ` +
          `${MAX_REPLY_BYTES / 1024} KB a ${brief.label} may take, so nothing was stored. Try again, or choose another model.`,
      );
    }
    const text = removeControlCharacters(reply.text).trim();
    if (text !== "") {
      const truncated = reply.stopReason === "maxTokens";
      logger.debug(`Received a ${brief.label} from ${model}${truncated ? " (cut off at maxTokens)" : ""}`);
      const stopReason =
        reply.stopReason === null ? null : removeControlCharacters(reply.stopReason).slice(0, 40);
      return { text, model, stopReason, route, truncated, ...(reply.usage ? { usage: reply.usage } : {}) };
    }
    if (attempt >= EMPTY_REPLY_RETRIES) {
      throw new GenerationError(
        "empty",
        `${capitalize(source)} (${model}) returned an empty ${brief.label} twice. Try again, or choose another model.`,
      );
    }
    logger.warning(`${capitalize(source)} (${model}) returned an empty ${brief.label}; asking once more`);
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
