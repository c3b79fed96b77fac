import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { LogSink } from "./logger.ts";

/** Sends log lines to the client as MCP logging notifications; the SDK applies the client's level. */
export function mcpSink(server: McpServer): LogSink {
  return (level, message) => {
    if (!server.isConnected()) return;
    server.sendLoggingMessage({ level, logger: "copydesk", data: message }).catch(() => {
      // The transport closed between the check and the send; stderr still has the line.
    });
  };
}
