import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Logger } from "../../../platform/logger.ts";
import { MAX_BODY_BYTES } from "./limits.ts";

/**
 * One MCP session: its own McpServer, hence its own sampling channel. A tool call's sampling request
 * travels on that call's SSE stream (the sampler passes relatedRequestId), so it can only ever reach
 * the client that made the call.
 */
export interface Session {
  readonly transport: WebStandardStreamableHTTPServerTransport;
  readonly server: McpServer;
  /** HTTP requests of this session still open (a tool call waiting on sampling, the GET stream). */
  open: number;
  lastActive: number;
}

export interface SessionsOptions {
  /** Builds the per-session server; createServer is cheap and side-effect free. */
  readonly newServer: () => McpServer;
  readonly idleMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface Sessions {
  /** Open sessions, counting those whose initialize is still being handled. */
  readonly size: number;
  get(id: string): Session | undefined;
  /** A connected server and transport whose session id exists once the initialize request is handled. */
  create(): Promise<Session>;
  /** Counts the request as open until its response closes: an open request keeps the session alive. */
  track(session: Session, res: ServerResponse): void;
  closeAll(): Promise<void>;
}

export function createSessions({ newServer, idleMs, logger, now = Date.now }: SessionsOptions): Sessions {
  const sessions = new Map<string, Session>();
  // Counted from create() on, so concurrent initialize requests cannot overshoot the cap whatever
  // the SDK awaits between creating a transport and naming its session.
  let initializing = 0;

  // Idle means no request open for idleMs: a client that vanished without DELETE leaves a session
  // behind, and each holds a server; the GET stream of a live client keeps its session open.
  const sweep = setInterval(
    () => {
      for (const [id, session] of sessions) {
        if (session.open === 0 && now() - session.lastActive >= idleMs) {
          logger.debug(`Closing session ${id}: idle`);
          void session.server.close();
        }
      }
    },
    Math.min(Math.max(idleMs / 4, 50), 60_000),
  );
  sweep.unref();

  return {
    get size() {
      return sessions.size + initializing;
    },
    get: (id) => sessions.get(id),
    async create() {
      const server = newServer();
      let session: Session | undefined;
      initializing++;
      let pending = true;
      const settle = () => {
        if (pending) initializing--;
        pending = false;
      };
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        maxRequestBodySize: MAX_BODY_BYTES,
        onsessioninitialized: (id) => {
          settle();
          if (session) sessions.set(id, session);
          logger.debug(`Session ${id} opened (${sessions.size} open)`);
        },
      });
      session = { transport, server, open: 0, lastActive: now() };
      // Fires for DELETE, idle close, shutdown, and a server closed any other way.
      server.server.onclose = () => {
        settle();
        const id = transport.sessionId;
        if (id !== undefined && sessions.delete(id)) {
          logger.debug(`Session ${id} closed (${sessions.size} open)`);
        }
      };
      await server.connect(transport);
      return session;
    },
    track(session, res) {
      session.open++;
      session.lastActive = now();
      res.once("close", () => {
        session.open--;
        session.lastActive = now();
      });
    },
    async closeAll() {
      clearInterval(sweep);
      await Promise.allSettled([...sessions.values()].map((session) => session.server.close()));
    },
  };
}
