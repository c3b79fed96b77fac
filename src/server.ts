import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createLogger, type Logger, type LogSink } from "./log/logger.ts";
import { mcpSink } from "./log/mcp-sink.ts";
import { registerRecordResources } from "./resources/records.ts";
import { createSampler, type SamplingConfig } from "./sampling/sampler.ts";
import type { Store } from "./store/records.ts";
import { registerTool } from "./tools/define-tool.ts";
import { TOOLS } from "./tools/index.ts";
import { VERSION } from "./version.ts";

export interface ServerDeps {
  readonly store: () => Store;
  readonly sampling: SamplingConfig;
  /** Sinks besides MCP logging (stderr in production). */
  readonly logSinks: readonly LogSink[];
}

const INSTRUCTIONS =
  "copydesk writes and stores e-commerce product descriptions (create_product) and blog-post abstracts " +
  "(create_blog) using the client's model through MCP sampling. Stored records can be listed and read back " +
  "(list_posts, get_post, list_products, get_product) and are resources at copydesk://posts/{id} and " +
  "copydesk://products/{id}.";

/** Builds a server with every tool and resource; cheap and free of side effects until connected. */
export function createServer(deps: ServerDeps): { server: McpServer; logger: Logger } {
  const server = new McpServer(
    { name: "copydesk", title: "copydesk", version: VERSION },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const logger = createLogger([...deps.logSinks, mcpSink(server)]);
  const sampler = createSampler(server.server, deps.sampling, logger);
  server.server.oninitialized = () => {
    const client = server.server.getClientVersion();
    logger.info(
      `Client ${client?.name ?? "unknown"} ${client?.version ?? ""} connected; sampling ${server.server.getClientCapabilities()?.sampling ? "available" : "not offered"}`,
    );
    sampler.spendRequestIdZero();
  };
  const toolDeps = {
    store: deps.store,
    sampler,
    logger,
    resourcesChanged: () => server.sendResourceListChanged(),
  };
  for (const tool of TOOLS) registerTool(server, tool, toolDeps);
  registerRecordResources(server, deps.store);
  return { server, logger };
}
