import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type LoggingLevel, SetLevelRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { LOG_LEVELS, type LogSink } from "../platform/logger.ts";

/**
 * Sends log lines to the client as MCP logging notifications, from `info` up until the client picks a
 * level with logging/setLevel. (Left to itself, SDK 1.32.2 forwards every level, debug included, to a
 * client that never asked: a notification per log line on every call.)
 */
export function mcpSink(server: McpServer, initial: LoggingLevel = "info"): LogSink {
  let threshold = LOG_LEVELS.indexOf(initial);
  server.server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    threshold = LOG_LEVELS.indexOf(request.params.level);
    return {};
  });
  return (level, message) => {
    if (LOG_LEVELS.indexOf(level) < threshold || !server.isConnected()) return;
    server.sendLoggingMessage({ level, logger: "copydesk", data: message }).catch(() => {
      // The transport closed between the check and the send; stderr still has the line.
    });
  };
}
