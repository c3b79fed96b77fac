import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { GetPromptResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { Store } from "../../store/records.ts";

/** What prompts may use to complete their arguments; passed in like ToolDeps. */
export interface PromptDeps {
  /** Opens the store (migrating an old one) once the libraries that needs have loaded. */
  readonly store: () => Promise<Store>;
}

/**
 * An MCP prompt: clients show it as a slash command, ask the user for its arguments (completing them
 * through completion/complete), and put the returned message in the chat. Arguments are strings.
 */
export interface PromptDefinition<Args extends z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Built per server, so completions can read the store it was given. */
  arguments(deps: PromptDeps): Args;
  /** The text of the user message the client inserts. */
  message(args: z.infer<z.ZodObject<Args>>): string;
}

export function definePrompt<Args extends z.ZodRawShape>(
  definition: PromptDefinition<Args>,
): PromptDefinition<Args> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of prompts with different arguments
export type AnyPrompt = PromptDefinition<any>;

export function registerPrompt(server: McpServer, prompt: AnyPrompt, deps: PromptDeps): void {
  server.registerPrompt(
    prompt.name,
    { title: prompt.title, description: prompt.description, argsSchema: prompt.arguments(deps) },
    (args: Record<string, unknown>): GetPromptResult => ({
      description: prompt.description,
      messages: [{ role: "user", content: { type: "text", text: prompt.message(args) } }],
    }),
  );
}
