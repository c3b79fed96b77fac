import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { screenLine } from "./screen-message.ts";

/**
 * The lines a client sends first, and the replies it sends to copydesk's requests. zod compiles a fast
 * parser for each object schema the first time it parses one (~25 ms for these on a slow machine); parsed
 * once while the executable's V8 startup snapshot is built, those parsers are in the snapshot instead of
 * being compiled on every start. The SDK parses each line with the same schema objects, so it gains too.
 */
const FIRST_LINES: readonly object[] = [
  {
    id: 0,
    method: "initialize",
    params: {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } },
      clientInfo: { name: "warm-up", version: "1.0.0" },
    },
  },
  { method: "notifications/initialized" },
  { id: 1, method: "tools/list", params: {} },
  { id: 2, method: "prompts/list" },
  { id: 3, method: "resources/list", params: { cursor: "x" } },
  {
    id: 4,
    method: "tools/call",
    params: { name: "create_product", arguments: { title: "t", keywords: ["k"] } },
  },
  { id: 5, method: "ping" },
  { id: 6, result: { role: "assistant", model: "m", content: { type: "text", text: "{}" } } },
  { id: 7, error: { code: -32603, message: "m" } },
  { method: "notifications/cancelled", params: { requestId: 4, reason: "r" } },
];

/** Parses every first line once; call only where the result is kept (a snapshot being built). */
export function warmUpScreen(): void {
  for (const line of FIRST_LINES) {
    const screened = screenLine(JSON.stringify({ jsonrpc: "2.0", ...line }));
    if (screened.type !== "message")
      throw new Error(`warm-up line was not accepted: ${JSON.stringify(line)}`);
  }
}
