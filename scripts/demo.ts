/**
 * The main job: spawns the built executable exactly as a desktop MCP client does (stdio), creates the
 * seed's example post and product, reads them back, and prints them. A real model writes when one is
 * configured or running here (see demo/choose-model.ts), through copydesk's provider route; otherwise
 * the client's sampling is answered by a clearly labelled stand-in.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type CallToolResult, CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { chooseDemoModel, probeOllama } from "./demo/choose-model.ts";
import { STAND_IN_MODEL, standInModel } from "./demo/stand-in-model.ts";

const executable = resolve(process.argv[2] ?? "dist/copydesk");
const dataDir = mkdtempSync(join(tmpdir(), "copydesk-demo-"));
const out = (line = "") => process.stdout.write(`${line}\n`);

const model = await chooseDemoModel(process.env, () => probeOllama());
// With a real model the client offers no sampling, so copydesk calls the provider itself.
const client = new Client(
  { name: "copydesk-demo", version: "1.0.0" },
  { capabilities: model.kind === "stand-in" ? { sampling: {} } : {} },
);
if (model.kind === "stand-in") {
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    out(
      `  [sampling] copydesk asked the client's model (maxTokens ${request.params.maxTokens}); ${STAND_IN_MODEL} answers`,
    );
    return standInModel(request);
  });
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((block) => (block.type === "text" ? block.text : "")).join("\n");
  if (result.isError) throw new Error(`${name} failed: ${text}`);
  out(text.replace(/^/gm, "  "));
  out();
  return result;
}

try {
  out(`Starting ${executable} over stdio (data in ${dataDir})`);
  out(`The text is written by ${model.label}\n`);
  await client.connect(
    new StdioClientTransport({
      command: executable,
      args: ["--data-dir", dataDir, "--log-level", "warning"],
      env: { ...getDefaultEnvironment(), ...(model.kind === "provider" ? model.env : {}) },
    }),
  );
  const { tools } = await client.listTools();
  out(`Tools: ${tools.map((tool) => tool.name).join(", ")}\n`);

  out("create_blog:");
  await call("create_blog", {
    title: "Where Python comes from",
    content: "Python is actually named after Monty Python Flying Circus",
  });
  out("create_product:");
  await call("create_product", {
    title: "Ceramic pour-over mug",
    keywords: ["red", "dishwasher-safe", "350 ml"],
  });

  out("list_posts:");
  await call("list_posts", {});
  out("list_products:");
  await call("list_products", {});
  const { resources } = await client.listResources();
  out(`Resources: ${resources.map((resource) => resource.uri).join(", ")}`);
} finally {
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
}
