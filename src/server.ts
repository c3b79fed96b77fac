import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createLogger, type Logger, type LogSink } from "./log/logger.ts";
import { mcpSink } from "./log/mcp-sink.ts";
import { registerPrompt } from "./prompts/define-prompt.ts";
import { PROMPTS } from "./prompts/index.ts";
import { coalesced } from "./resources/list-changed.ts";
import { registerRecordResources } from "./resources/records.ts";
import { createClientSampling, type SamplingConfig } from "./sampling/client-sampling.ts";
import { createWriter, type ServerSideModel } from "./sampling/router.ts";
import type { Store } from "./store/records.ts";
import { registerTool } from "./tools/define-tool.ts";
import { TOOLS } from "./tools/index.ts";
import { VERSION } from "./version.ts";

export interface ServerDeps {
  readonly store: () => Store;
  readonly sampling: SamplingConfig;
  /** A configured server-side model, if any. */
  readonly provider?: ServerSideModel | undefined;
  /** Sinks besides MCP logging (stderr in production). */
  readonly logSinks: readonly LogSink[];
  /** Names of the stored brand voices, for prompt completions (default: none). */
  readonly listBrandNames?: () => readonly string[];
}

const INSTRUCTIONS =
  "copydesk writes and stores e-commerce product descriptions (create_product) and blog-post abstracts " +
  "(create_blog). The text is written by the client's model through MCP sampling, or by a configured " +
  "provider; when neither is available, create_* stores a draft and returns a brief, and you write the " +
  "text and save it with save_product_description or save_blog_abstract. Stored records can be listed and " +
  "read back (list_posts, get_post, list_products, get_product) and are resources at copydesk://posts/{id} " +
  "and copydesk://products/{id}.";

/** Builds a server with every tool and resource; cheap and free of side effects until connected. */
export function createServer(deps: ServerDeps): { server: McpServer; logger: Logger } {
  const server = new McpServer(
    { name: "copydesk", title: "copydesk", version: VERSION },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const logger = createLogger([...deps.logSinks, mcpSink(server)]);
  const clientName = () => server.server.getClientVersion()?.name ?? "This client";
  const writer = createWriter({
    sampling: createClientSampling(server.server, deps.sampling, logger),
    provider: deps.provider,
    logger,
    clientName,
  });
  server.server.oninitialized = () => {
    const sampling = server.server.getClientCapabilities()?.sampling
      ? "offers sampling"
      : "does not offer sampling";
    const client = server.server.getClientVersion();
    logger.info(
      `Client ${client ? `${client.name} ${client.version}` : "(unnamed)"} connected and ${sampling}`,
    );
    writer.spendRequestIdZero();
  };
  const toolDeps = {
    store: deps.store,
    writer,
    logger,
    resourcesChanged: coalesced(() => server.sendResourceListChanged()),
  };
  for (const tool of TOOLS) registerTool(server, tool, toolDeps);
  registerRecordResources(server, deps.store);
  const promptDeps = { store: deps.store, listBrandNames: deps.listBrandNames ?? (() => []) };
  for (const prompt of PROMPTS) registerPrompt(server, prompt, promptDeps);
  return { server, logger };
}
