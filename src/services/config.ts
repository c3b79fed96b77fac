import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import type { SamplingConfig } from "../llm/client-sampling.ts";
import type { ProviderConfig } from "../llm/providers/config.ts";

export interface Config {
  /** Folder holding copydesk.db. */
  readonly dataDir: string;
  readonly sampling: SamplingConfig;
  /** Lowest level written to stderr; the client picks its own level for MCP logging. */
  readonly logLevel: LoggingLevel;
  /** A server-side model, when configured (--provider). */
  readonly provider?: ProviderConfig;
  /** Present with --http: serve Streamable HTTP instead of stdio. */
  readonly http?: HttpConfig;
  /** The language copy is written in when neither the call, the brand voice nor the catalog says (--language). */
  readonly language?: string;
}

export interface HttpConfig {
  /** Address to bind; loopback unless a token is set. */
  readonly host: string;
  /** 0 picks a free port (the bound URL is logged). */
  readonly port: number;
  /** Host names accepted in Host and Origin headers besides the loopback names and the bound host. */
  readonly allowedHosts: readonly string[];
  /** Bearer token every request must carry; never logged. */
  readonly token: string | undefined;
  /** A session with no request in flight for this long is closed. */
  readonly sessionIdleMs: number;
  /** Whether image URLs may name loopback, private and link-local addresses (--allow-private-images). */
  readonly allowPrivateImages: boolean;
}

export const DEFAULTS = {
  samplingTimeout: "5m",
  logLevel: "info",
  intelligencePriority: 0.7,
  speedPriority: 0.4,
  costPriority: 0.3,
  httpHost: "127.0.0.1",
  httpPort: 8000,
  sessionIdleTimeout: "30m",
} as const;
