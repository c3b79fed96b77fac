import type { WritingBrief } from "../../kinds/brief.ts";

/** What a provider wrote: raw text, which the caller cleans as it cleans a sampling reply. */
export interface Completion {
  readonly text: string;
  /** The model the provider says it used (it may resolve an alias to a dated name). */
  readonly model: string;
  /** MCP sampling's vocabulary where one fits ("endTurn", "maxTokens", "stopSequence"), else the provider's. */
  readonly stopReason: string | null;
  /** Tokens the provider says the request used, when it says. */
  readonly usage?: TokenUsage;
}

export interface TokenUsage {
  readonly input: number;
  readonly output: number;
}

/** A usage object's counts, or undefined when it has none. */
export function tokenUsage(input: unknown, output: unknown): TokenUsage | undefined {
  return typeof input === "number" && typeof output === "number" ? { input, output } : undefined;
}

export interface CompleteOptions {
  /** The tool call's signal: aborting it aborts the HTTP request and any wait between retries. */
  readonly signal: AbortSignal;
}

/** Writes a brief with a model the server calls itself, for clients without MCP sampling. */
export interface Provider {
  complete(brief: WritingBrief, options: CompleteOptions): Promise<Completion>;
}

/** Spreads into a completion: the usage when there is one, nothing otherwise. */
export function usageOf(usage: TokenUsage | undefined): { usage?: TokenUsage } {
  return usage ? { usage } : {};
}
