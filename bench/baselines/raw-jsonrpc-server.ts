/**
 * Baseline 2: a hand-written JSON-RPC loop over stdio with no SDK: the floor for a Node process that
 * answers initialize and one sampling tool.
 */
import { createInterface } from "node:readline";

type Message = { id?: number | string; method?: string; params?: Record<string, unknown>; result?: unknown };
export function start(): void {
  const send = (message: object) =>
    process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 0;

  createInterface({ input: process.stdin }).on("line", (line) => {
    const message = JSON.parse(line) as Message;
    if (message.method === undefined && typeof message.id === "number") {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.method === "initialize") {
      send({
        id: message.id,
        result: {
          protocolVersion: "2025-06-18",
          capabilities: { tools: {} },
          serverInfo: { name: "baseline-raw", version: "1.0.0" },
        },
      });
    } else if (message.method === "tools/list") {
      const schema = {
        type: "object",
        properties: { title: { type: "string" }, keywords: { type: "array", items: { type: "string" } } },
        required: ["title", "keywords"],
      };
      send({ id: message.id, result: { tools: [{ name: "create_product", inputSchema: schema }] } });
    } else if (message.method === "tools/call") {
      const args = (message.params?.arguments ?? {}) as { title: string; keywords: string[] };
      const id = nextId++;
      pending.set(id, (result) => {
        const text = (result as { content: { text: string } }).content.text;
        send({ id: message.id, result: { content: [{ type: "text", text }] } });
      });
      send({
        id,
        method: "sampling/createMessage",
        params: {
          messages: [
            {
              role: "user",
              content: { type: "text", text: `Describe ${args.title}: ${args.keywords.join(", ")}` },
            },
          ],
          maxTokens: 400,
        },
      });
    } else if (message.id !== undefined) {
      send({ id: message.id, result: {} });
    }
  });
  process.stdin.on("end", () => process.exit(0));
}
