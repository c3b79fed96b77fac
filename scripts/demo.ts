/**
 * The main job: spawns the built executable exactly as a desktop MCP client does (stdio), creates the
 * seed's example post and product, revises the product, then takes a Shopify export through the catalog
 * pipeline (import, write as a job, approve, export a file Shopify re-imports), and prints each step. A real model writes when one is
 * configured or running here (see demo/choose-model.ts), through copydesk's provider route; otherwise
 * the client's sampling is answered by a clearly labelled stand-in.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type CallToolResult, CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { chooseDemoModel, probeOllama } from "./demo/choose-model.ts";
import { STAND_IN_MODEL, standInModel } from "./demo/stand-in-model.ts";

const executable = resolve(process.argv[2] ?? "dist/copydesk");
/** A Shopify product export (current header dialect): variants, extra images, a quoted multi-line body. */
const CATALOG = resolve("test/fixtures/catalog/shopify-current.csv");
const dataDir = mkdtempSync(join(tmpdir(), "copydesk-demo-"));
/** The export outlives the run (the data folder does not), so the path printed is one a user can open. */
const exportDir = mkdtempSync(join(tmpdir(), "copydesk-demo-export-"));
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
  out(`Starting ${executable} over stdio (data in ${dataDir}, deleted at the end)`);
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
  const created = await call("create_product", {
    title: "Ceramic pour-over mug",
    keywords: ["red", "dishwasher-safe", "350 ml"],
  });

  out("revise_product (a new version; the first is kept):");
  const mug = (created.structuredContent as { product: { id: string } }).product;
  await call("revise_product", { id: mug.id, instructions: "Mention that it keeps coffee hot." });

  out(
    "A catalog: import a Shopify export, write every product's copy as a job, approve, export for re-import.",
  );
  out("import_products:");
  const imported = await call("import_products", { path: CATALOG });
  const { importId } = (imported.structuredContent as { import: { importId: string } }).import;
  out("write_catalog:");
  await call("write_catalog", { selection: { import_id: importId } });
  const written = await client.callTool({ name: "list_products", arguments: { limit: 100 } });
  const ids = (written.structuredContent as { products: Array<{ id: string }> }).products.map((p) => p.id);
  out("approve_products:");
  await call("approve_products", { ids });
  out("export_products:");
  const exportPath = join(exportDir, "shopify-import.csv");
  await call("export_products", { format: "shopify", path: exportPath });
  const [header = "", firstRow = ""] = readFileSync(exportPath, "utf8").split(/\r?\n(?=[^\s<])/);
  out(`  ${exportPath}, first lines:\n  ${header.slice(0, 100)}…\n  ${firstRow.slice(0, 300)}…\n`);

  const { resources } = await client.listResources();
  out(
    `Resources: ${resources.length} (${resources
      .slice(0, 3)
      .map((resource) => resource.uri)
      .join(", ")}, …)`,
  );
  out(`\nThe export is kept: ${exportPath}`);
} finally {
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
}
