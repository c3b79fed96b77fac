import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { isInitializeRequest, JSONRPCMessageSchema } from "@modelcontextprotocol/sdk/types.js";
import {
  allowedHostnames,
  hostnameOf,
  isLoopbackAddress,
  isWildcardAddress,
} from "../../../platform/allowed-hosts.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { HttpConfig } from "../../../services/config.ts";
import { bearerChallenge, bearerChecker } from "./auth.ts";
import { declaresTooLarge, discardBody, expectsContinue, MAX_SESSIONS, readBody } from "./limits.ts";
import { sendWebResponse, toWebRequest } from "./node-bridge.ts";
import { createSessions, type Session } from "./sessions.ts";

export const MCP_PATH = "/mcp";

const TOO_LARGE = "Payload Too Large: the request body must not exceed 4 MiB";

/** The port is taken, the address is not ours, ...: a failure to report in one line, exit 1. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListenError";
  }
}

export interface HttpServeOptions {
  readonly config: HttpConfig;
  readonly newServer: () => McpServer;
  readonly logger: Logger;
}

export interface RunningHttpServer {
  /** Where clients connect, e.g. http://127.0.0.1:8000/mcp. */
  readonly url: string;
  /** Closes every session, stops listening, drops idle connections. */
  close(): Promise<void>;
}

/** Serves MCP Streamable HTTP at /mcp with one stateful session, and one McpServer, per client. */
export async function startHttpServer({
  config,
  newServer,
  logger,
}: HttpServeOptions): Promise<RunningHttpServer> {
  const allowed = allowedHostnames(config.host, config.allowedHosts);
  const checkToken = config.token === undefined ? undefined : bearerChecker(config.token);
  const sessions = createSessions({ newServer, idleMs: config.sessionIdleMs, logger });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example rebound to 127.0.0.1 still sends its own name.
    const host = hostnameOf(req.headers.host ?? "");
    if (host === undefined || !allowed.has(host)) {
      logger.debug(`Refused Host ${JSON.stringify(req.headers.host ?? "")}: not in the allow-list`);
      return reply(res, 403, `Forbidden: Host ${host ?? "(invalid)"} is not allowed; see --allowed-host`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(originHostname(origin) ?? "")) {
      logger.debug(`Refused Origin ${JSON.stringify(origin)}: not in the allow-list`);
      return reply(res, 403, "Forbidden: Origin is not allowed; see --allowed-host");
    }
    if (checkToken) {
      const result = checkToken(req.headers.authorization);
      if (result !== "ok") {
        logger.debug(`Refused a request with ${result === "missing" ? "no" : "a wrong"} bearer token`);
        return reply(res, 401, "Unauthorized: a valid bearer token is required", {
          "WWW-Authenticate": bearerChallenge(result),
        });
      }
    }
    if (new URL(req.url ?? "/", "http://localhost").pathname !== MCP_PATH) {
      return reply(res, 404, `Not Found: MCP is served at ${MCP_PATH}`);
    }
    if (req.method !== "POST" && req.method !== "GET" && req.method !== "DELETE") {
      return reply(res, 405, "Method Not Allowed", { Allow: "GET, POST, DELETE" });
    }

    const sessionId = req.headers["mcp-session-id"];
    let session: Session | undefined;
    if (typeof sessionId === "string") {
      session = sessions.get(sessionId);
      // The spec's answer to an unknown or expired session: the client starts a new one.
      if (!session) return reply(res, 404, "Session not found", {}, -32001);
    } else if (req.method !== "POST") {
      return reply(res, 400, "Bad Request: Mcp-Session-Id header is required");
    }

    let parsedBody: unknown;
    if (req.method === "POST") {
      if (expectsContinue(req)) {
        // Refused before the client sends the body; else told to go on (Node waits for us to say so).
        if (declaresTooLarge(req)) return reply(res, 413, TOO_LARGE, { Connection: "close" });
        res.writeContinue();
      }
      const body = await readBody(req);
      if (body.type === "too-large") {
        if (await discardBody(req)) reply(res, 413, TOO_LARGE);
        return;
      }
      try {
        parsedBody = JSON.parse(body.text);
      } catch {
        return reply(res, 400, "Parse error: Invalid JSON", {}, -32700);
      }
      // Valid JSON that is no JSON-RPC message is an invalid request; the SDK would call it -32700.
      if (!isJsonRpc(parsedBody)) {
        return reply(res, 400, "Invalid Request: not a JSON-RPC 2.0 message", {}, -32600);
      }
    }

    let created = false;
    if (!session) {
      if (!isInitializeRequest(parsedBody)) {
        return reply(res, 400, "Bad Request: no Mcp-Session-Id; start with an initialize request");
      }
      if (sessions.size >= MAX_SESSIONS) {
        return reply(res, 503, "Service Unavailable: too many open sessions", { "Retry-After": "60" });
      }
      session = await sessions.create();
      created = true;
    }
    sessions.track(session, res);
    let response: Response;
    try {
      response = await session.transport.handleRequest(toWebRequest(req, `http://${req.headers.host}`), {
        parsedBody,
      });
    } finally {
      // An initialize the transport refused (bad Accept header, ...) leaves a server with no session.
      if (created && session.transport.sessionId === undefined) void session.server.close();
    }
    await sendWebResponse(response, res);
  }

  // Loaded only in HTTP mode (node:http costs a stdio start ~25 ms), and synchronously: dynamic import()
  // is unavailable in code started from the executable's V8 startup snapshot.
  const { createServer: createHttpServer } = process.getBuiltinModule("node:http");
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      logger.error(
        `HTTP ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) reply(res, 500, "Internal error", {}, -32603);
      else res.end();
    });
  };
  const http = createHttpServer(onRequest);
  // With a listener here Node no longer answers "100 Continue" by itself: handle() does, once the
  // request has passed every check and its declared size is within the limit.
  http.on("checkContinue", onRequest);

  await new Promise<void>((resolve, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ListenError(
          `cannot listen on ${config.host} port ${config.port}: ${error.code ?? error.message}`,
        ),
      ),
    );
    http.listen(config.port, config.host, () => {
      http.removeAllListeners("error");
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}${MCP_PATH}`;
  logger.info(`Serving MCP over Streamable HTTP at ${url}${checkToken ? " (bearer token required)" : ""}`);
  if (isWildcardAddress(config.host) && config.allowedHosts.length === 0) {
    logger.warning(
      `Listening on every interface, but only Host ${[...allowed].join(", ")} is accepted: add the names clients use with --allowed-host`,
    );
  }
  if (!isLoopbackAddress(config.host)) {
    logger.warning("Plain HTTP carries the token in clear text: put a TLS proxy in front for other machines");
  }

  return {
    url,
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      await sessions.closeAll();
      http.closeAllConnections();
      await closed;
    },
  };
}

function originHostname(origin: string): string | undefined {
  try {
    return hostnameOf(new URL(origin).host);
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage: not an allowed origin.
    return undefined;
  }
}

function isJsonRpc(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  return messages.length > 0 && messages.every((m) => JSONRPCMessageSchema.safeParse(m).success);
}

/** A JSON-RPC error body, the shape MCP clients expect even outside the protocol. */
function reply(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  code = -32000,
): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}
