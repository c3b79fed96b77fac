import { z } from "zod";
import { TOOLS } from "../../src/mcp/tools/all/index.ts";
import type { ToolName, ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";

/** What callTool answers, from the SDK client or read off the wire. */
interface ToolResultLike {
  readonly structuredContent?: unknown;
  readonly isError?: boolean | undefined;
  readonly content?: unknown;
}

/**
 * A tool result's structuredContent, checked against the tool's own output schema and typed from the
 * one tools/list publishes (src/mcp/tools/tool-outputs.ts): a test reads fields a client is promised,
 * and fails here, saying which, when the result breaks that promise.
 */
export function structured<N extends ToolName>(name: N, answer: object): ToolOutputs[N] {
  // client.callTool's type also allows the protocol's old { toolResult } form, which copydesk never sends.
  const result: ToolResultLike = answer;
  const tool = TOOLS.find((candidate) => candidate.name === name);
  if (tool === undefined) throw new Error(`copydesk has no tool ${name}`);
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  const checked = tool.outputObject.safeParse(result.structuredContent);
  if (!checked.success) {
    throw new Error(
      `${name}'s structuredContent breaks its output schema:\n${z.prettifyError(checked.error)}`,
    );
  }
  // The value as sent, not zod's copy of it: a test may look for what the schema would strip.
  return result.structuredContent as ToolOutputs[N];
}

/** A whole record of a list called with full: true (it has copy), as against a compact entry. */
export function fullRecord<T extends object>(item: T | undefined): Extract<T, { copy: unknown }> {
  if (item === undefined || !("copy" in item)) throw new Error(`not a full record: ${JSON.stringify(item)}`);
  return item as Extract<T, { copy: unknown }>;
}

/** A compact entry of a list (the default: an excerpt, no copy). */
export function compactEntry<T extends object>(item: T | undefined): Extract<T, { excerpt: unknown }> {
  if (item === undefined || !("excerpt" in item))
    throw new Error(`not a compact entry: ${JSON.stringify(item)}`);
  return item as Extract<T, { excerpt: unknown }>;
}
