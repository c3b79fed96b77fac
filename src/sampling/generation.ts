import type { RequestId } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log/logger.ts";
import type { WritingBrief } from "../writing/brief.ts";
import { cleanReply } from "./clean-reply.ts";
import { GenerationError } from "./errors.ts";

/** The tool call a generation belongs to: cancelling the call cancels the generation. */
export interface CallContext {
  readonly requestId: RequestId;
  readonly signal: AbortSignal;
}

export type Route = "client-sampling" | "provider" | "host-model";

/** A model's answer before cleaning, from whichever route produced it. */
export interface RawReply {
  readonly text: string;
  readonly model: string;
  readonly stopReason: string | null;
}

export interface Generation extends RawReply {
  readonly route: Route;
  /** The model stopped at maxTokens: the text may be cut off mid-sentence. */
  readonly truncated: boolean;
}

/** How many times an empty reply is asked again before giving up. */
const EMPTY_REPLY_RETRIES = 1;

/**
 * Asks a route for the text, cleans the reply and asks once more if nothing is left: the same rules
 * whichever model wrote it.
 */
export async function generate(
  brief: WritingBrief,
  route: Exclude<Route, "host-model">,
  ask: () => Promise<RawReply>,
  logger: Logger,
): Promise<Generation> {
  const source = route === "client-sampling" ? "the client's model" : "the configured provider";
  for (let attempt = 0; ; attempt++) {
    logger.debug(`Asking ${source} for a ${brief.kind}${attempt > 0 ? " (retry)" : ""}`);
    const reply = await ask();
    const text = cleanReply(reply.text);
    if (text !== "") {
      const truncated = reply.stopReason === "maxTokens";
      logger.debug(
        `Received a ${brief.kind} from ${reply.model}${truncated ? " (cut off at maxTokens)" : ""}`,
      );
      return { text, model: reply.model, stopReason: reply.stopReason, route, truncated };
    }
    if (attempt >= EMPTY_REPLY_RETRIES) {
      throw new GenerationError(
        "empty",
        `${capitalize(source)} (${reply.model}) returned an empty ${brief.kind} twice. Try again, or choose another model.`,
      );
    }
    logger.warning(
      `${capitalize(source)} (${reply.model}) returned an empty ${brief.kind}; asking once more`,
    );
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
