import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { createServer } from "../../src/mcp/server.ts";

/**
 * The tools as a client sees them in tools/list: the README's reference is made from this JSON Schema,
 * not from zod's shapes, so a description zod keeps on an inner schema cannot go missing.
 */
export async function listedTools(): Promise<Tool[]> {
  const { server } = createServer({
    store: () => {
      throw new Error("listing the tools needs no store");
    },
    sampling: { timeoutMs: 1000, modelPreferences: {} },
    logSinks: [],
    loadImage: () => Promise.reject(new Error("listing the tools loads no image")),
    localFiles: true,
  });
  const client = new Client({ name: "copydesk-readme", version: "1.0.0" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  try {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor });
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return tools;
  } finally {
    await client.close();
    await server.close();
  }
}
