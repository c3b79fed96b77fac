import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import type { SamplingConfig } from "./sampling/client-sampling.ts";

export interface Config {
  /** Folder holding copydesk.db. */
  readonly dataDir: string;
  readonly sampling: SamplingConfig;
  /** Lowest level written to stderr; the client picks its own level for MCP logging. */
  readonly logLevel: LoggingLevel;
}

export const DEFAULTS = {
  samplingTimeout: "5m",
  logLevel: "info",
  intelligencePriority: 0.7,
  speedPriority: 0.4,
  costPriority: 0.3,
} as const;
