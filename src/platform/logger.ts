import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { escapeControlCharacters } from "./escape.ts";

export const LOG_LEVELS: readonly LoggingLevel[] = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
];

export interface Logger {
  log(level: LoggingLevel, message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/** Where a log line can go; the logger fans out to every sink. */
export type LogSink = (level: LoggingLevel, message: string) => void;

/** Every sink gets the message with its control characters escaped: one message, one line. */
export function createLogger(sinks: readonly LogSink[]): Logger {
  const log = (level: LoggingLevel, message: string) => {
    const line = escapeControlCharacters(message);
    for (const sink of sinks) sink(level, line);
  };
  return {
    log,
    debug: (message) => log("debug", message),
    info: (message) => log("info", message),
    warning: (message) => log("warning", message),
    error: (message) => log("error", message),
  };
}

/** stderr is the only stream a stdio MCP server may write freely: stdout carries the protocol. */
export function stderrSink(
  minimum: LoggingLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): LogSink {
  const threshold = LOG_LEVELS.indexOf(minimum);
  return (level, message) => {
    if (LOG_LEVELS.indexOf(level) >= threshold) write(`copydesk ${level}: ${message}\n`);
  };
}
