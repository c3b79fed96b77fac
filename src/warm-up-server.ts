import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { createServer, type ServerDeps } from "./mcp/server.ts";

/** What a client asks right after it connects; none of it reads the store. */
const LISTS = ["tools/list", "prompts/list", "resources/templates/list"] as const;

/**
 * Answers a client's first requests once, in memory, while the executable's V8 startup snapshot is built:
 * the code that turns 26 tools' zod schemas into JSON Schema (and the SDK's list handlers) is compiled
 * then, and zod's parsers for those requests are generated then, instead of on every start's first
 * tools/list. Nothing of this server is kept: it is closed, and only compiled code stays in the snapshot.
 */
export async function warmUpServer(deps: Pick<ServerDeps, "sampling" | "views">): Promise<void> {
  const { server } = createServer({
    ...deps,
    store: () => {
      throw new Error("the warm-up server has no store");
    },
    logSinks: [],
    loadImage: async () => {
      throw new Error("the warm-up server loads no images");
    },
    localFiles: false,
  });
  const [client, served] = InMemoryTransport.createLinkedPair();
  const answers = new Map<number, (message: JSONRPCMessage) => void>();
  client.onmessage = (message) => {
    if ("id" in message && typeof message.id === "number") answers.get(message.id)?.(message);
  };
  await server.connect(served);
  await client.start();
  let nextId = 0;
  const request = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<JSONRPCMessage>((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      void client.send({ jsonrpc: "2.0", id, method, params });
    });
  await request("initialize", {
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: { sampling: {} },
    clientInfo: { name: "warm-up", version: "1.0.0" },
  });
  await client.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  for (const method of LISTS) {
    const answer = await request(method);
    if (!("result" in answer)) throw new Error(`warm-up ${method} failed: ${JSON.stringify(answer)}`);
  }
  await server.close();
}
