/**
 * Baseline 1: the smallest server on the same SDK with one sampling tool. copydesk's overhead is
 * measured against this.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

export async function start(): Promise<void> {
  const server = new McpServer({ name: "baseline-sdk", version: "1.0.0" });
  server.registerTool(
    "create_product",
    { inputSchema: { title: z.string(), keywords: z.array(z.string()) } },
    async ({ title, keywords }, extra) => {
      const result = await server.server.createMessage(
        {
          messages: [
            { role: "user", content: { type: "text", text: `Describe ${title}: ${keywords.join(", ")}` } },
          ],
          maxTokens: 400,
        },
        { relatedRequestId: extra.requestId },
      );
      return { content: [{ type: "text", text: result.content.type === "text" ? result.content.text : "" }] };
    },
  );
  process.stdin.on("end", () => process.exit(0));
  await server.connect(new StdioServerTransport());
}
