import type { WritingBrief } from "../writing/brief.ts";

/** What a provider wrote: raw text, which the caller cleans as it cleans a sampling reply. */
export interface Completion {
  readonly text: string;
  /** The model the provider says it used (it may resolve an alias to a dated name). */
  readonly model: string;
  /** MCP sampling's vocabulary where one fits ("endTurn", "maxTokens", "stopSequence"), else the provider's. */
  readonly stopReason: string | null;
}

export interface CompleteOptions {
  /** The tool call's signal: aborting it aborts the HTTP request and any wait between retries. */
  readonly signal: AbortSignal;
}

/** Writes a brief with a model the server calls itself, for clients without MCP sampling. */
export interface Provider {
  complete(brief: WritingBrief, options: CompleteOptions): Promise<Completion>;
}
