import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type {
  CallToolResult,
  ServerNotification,
  ServerRequest,
  ToolAnnotations,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { LoadedImage } from "../../images/load-image.ts";
import type { CallContext } from "../../llm/generation.ts";
import type { Writer } from "../../llm/router.ts";
import type { Logger } from "../../platform/logger.ts";
import { failureMessage } from "../../services/failures.ts";
import { loadCopyLibraries } from "../../services/libraries.ts";
import type { Store } from "../../store/records.ts";
import { publishPortably } from "./portable-schema.ts";

/** What tools may use; passed in so tests can hand in their own. */
export interface ToolDeps {
  /** Opens the database on first use; throws StoreUnavailableError with a readable reason. */
  readonly store: () => Store;
  /** Gets text written: decides the route (client sampling, provider, or the calling model). */
  readonly writer: Writer;
  readonly logger: Logger;
  /** Tells the client the resource list changed (a record was created). */
  readonly resourcesChanged: () => void;
  /** Whether tools may read and write files on this machine by path (stdio: yes; over HTTP: no). */
  readonly localFiles: boolean;
  /** Reads an image from a path, a data: URL or an http(s) URL, checked and bounded. */
  readonly loadImage: (source: string, signal: AbortSignal) => Promise<LoadedImage>;
  /** The server-wide default language (--language), when set: else English. */
  readonly language?: string | undefined;
}

/** Long-running tools report progress on the caller's progressToken, when it sent one. */
export type ProgressReporter = (progress: number, total: number, message: string) => void;

export interface ToolCall extends CallContext {
  readonly progress: ProgressReporter;
}

/**
 * Progress on the caller's token. `sent()` settles once every notification reported so far is with the
 * transport, so a result is never written ahead of them: a client stops listening for a request's progress
 * when its result arrives. (The TypeScript SDK's client can still miss a last notification that arrives in
 * the same read as the result: it runs notification handlers a microtask later.)
 */
function progressReporter(extra: RequestHandlerExtra<ServerRequest, ServerNotification>): {
  readonly report: ProgressReporter;
  readonly sent: () => Promise<void>;
} {
  const token = extra._meta?.progressToken;
  let sending: Promise<unknown> = Promise.resolve();
  const sent = () => sending.then(() => {});
  if (token === undefined) return { report: () => {}, sent };
  return {
    report: (progress, total, message) => {
      const notification = extra
        .sendNotification({
          method: "notifications/progress",
          params: { progressToken: token, progress, total, message },
        })
        .catch(() => {});
      sending = Promise.all([sending, notification]);
    },
    sent,
  };
}

export interface ToolReply<Out> {
  readonly structured: Out;
  /** The same result for a person (and for clients that ignore structuredContent). */
  readonly text: string;
}

/** `_meta.ui` of a tool, as the MCP Apps extension defines it. */
export interface ToolUi {
  readonly resourceUri: string;
  /** Who may call the tool; default both. "app" alone keeps it from the model. */
  readonly visibility?: readonly ("model" | "app")[];
}

export interface ToolDefinition<In extends z.ZodRawShape, Out extends z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: In;
  readonly outputSchema: Out;
  readonly annotations: ToolAnnotations;
  /** An MCP Apps view that shows this tool's result (src/mcp/apps/links.ts sets it). */
  readonly ui?: ToolUi;
  handle(
    input: z.infer<z.ZodObject<In>>,
    deps: ToolDeps,
    call: ToolCall,
  ): Promise<ToolReply<z.infer<z.ZodObject<Out>>>>;
}

/** A tool whose schemas are built once, when its module is evaluated. */
export interface DefinedTool<In extends z.ZodRawShape, Out extends z.ZodRawShape>
  extends ToolDefinition<In, Out> {
  readonly inputObject: z.ZodObject<In>;
  readonly outputObject: z.ZodObject<Out>;
}

export function defineTool<In extends z.ZodRawShape, Out extends z.ZodRawShape>(
  definition: ToolDefinition<In, Out>,
): DefinedTool<In, Out> {
  // Handing the SDK finished objects instead of raw shapes spares it building 16 of them at every
  // start: in the executable these are evaluated once, into the V8 startup snapshot (~3 ms per start).
  return {
    ...definition,
    inputObject: publishPortably(z.object(definition.inputSchema), "input"),
    outputObject: publishPortably(z.object(definition.outputSchema), "output"),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a list of tools with different schemas
export type AnyTool = DefinedTool<any, any>;

export function registerTool(server: McpServer, tool: AnyTool, deps: ToolDeps): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputObject,
      outputSchema: tool.outputObject,
      annotations: { title: tool.title, ...tool.annotations },
      // The flat "ui/resourceUri" key is the extension's older spelling, which some hosts still read.
      ...(tool.ui ? { _meta: { ui: tool.ui, "ui/resourceUri": tool.ui.resourceUri } } : {}),
    },
    async (
      input: Record<string, unknown>,
      extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
    ): Promise<CallToolResult> => {
      const progress = progressReporter(extra);
      try {
        // The libraries that read, check and store copy load on the first call, not at start-up
        // (platform/deferred.ts); a first call may also open an old database and migrate it.
        await loadCopyLibraries();
        const reply = await tool.handle(input, deps, {
          requestId: extra.requestId,
          signal: extra.signal,
          progress: progress.report,
        });
        await progress.sent();
        return {
          content: [{ type: "text", text: reply.text }],
          structuredContent: reply.structured as Record<string, unknown>,
        };
      } catch (error) {
        await progress.sent();
        const expected = failureMessage(error);
        if (expected !== undefined) {
          deps.logger.warning(`${tool.name} failed: ${expected}`);
          return { isError: true, content: [{ type: "text", text: expected }] };
        }
        deps.logger.error(
          `${tool.name} hit a bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return {
          isError: true,
          content: [
            {
              type: "text",
              text: `copydesk hit an internal error and stored nothing: ${error instanceof Error ? error.message : String(error)}. Please report it with copydesk's log.`,
            },
          ],
        };
      }
    },
  );
}
