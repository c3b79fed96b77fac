import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import {
  CHARACTERS_PER_TOKEN,
  hostModelCatalog,
  TOKEN_BUDGET,
  type Traffic,
  TrafficMeter,
  totalOf,
} from "./host-model-catalog.ts";

export interface TrafficFigures {
  readonly products: number;
  readonly catalog: Traffic;
  /** One typical call of every other tool, after the catalog (200 products stored, one job). */
  readonly typical: Traffic;
}

const structured = (result: CallToolResult) => (result.structuredContent ?? {}) as Record<string, unknown>;
const pendingRequest = (result: CallToolResult) =>
  (structured(result).pending as { request: string } | undefined)?.request ?? "";

/**
 * The executable as a chat client without sampling spawns it (so the calling model writes): a catalog of
 * `products` through pages of briefs, then one typical call of each other tool.
 */
export async function measureTraffic(executable: string, products: number): Promise<TrafficFigures> {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-bench-traffic-"));
  const client = new Client({ name: "copydesk-bench", version: "1" }, { capabilities: {} });
  await client.connect(
    new StdioClientTransport({
      command: executable,
      args: ["--data-dir", join(folder, "data"), "--log-level", "error"],
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: folder },
      stderr: "ignore",
    }),
  );
  try {
    const { traffic: catalog, job } = await hostModelCatalog(client, products);
    const meter = new TrafficMeter(client);
    const created = await meter.call("create_product", {
      title: "Ceramic pour-over mug",
      keywords: ["stoneware", "350 ml", "dishwasher-safe"],
    });
    const productId = (structured(created).product as { id: string }).id;
    const copy = JSON.parse(standInCopy(pendingRequest(created)));
    await meter.call("save_product_copy", { id: productId, copy, model: "host-model" });
    await meter.call("save_product_description", {
      id: productId,
      description: "A stoneware pour-over mug that holds 350 ml and goes in the dishwasher.",
    });
    await meter.call("get_product", { id: productId });
    await meter.call("list_products", {});
    await meter.call("list_product_versions", { id: productId });
    await meter.call("revise_product", { id: productId, instructions: "shorter" });
    await meter.call("restore_product_version", { id: productId, version: 1 });
    await meter.call("get_job", { id: job.id });
    await meter.call("list_jobs", {});
    await meter.call("approve_products", { ids: [productId] });
    await meter.call("export_products", { format: "csv", path: join(folder, "export.csv") });
    const post = await meter.call("create_blog", {
      title: "Where Python comes from",
      content: "Python is named after Monty Python's Flying Circus, not the snake.",
    });
    const postId = (structured(post).post as { id: string }).id;
    await meter.call("save_post_copy", { id: postId, copy: JSON.parse(standInCopy(pendingRequest(post))) });
    await meter.call("save_blog_abstract", {
      id: postId,
      abstract: "Python's name honours Monty Python's Flying Circus.",
    });
    await meter.call("get_post", { id: postId });
    await meter.call("list_posts", {});
    await meter.call("list_post_versions", { id: postId });
    await meter.call("revise_post", { id: postId, instructions: "more formal" });
    await meter.call("restore_post_version", { id: postId, version: 1 });
    await meter.call("set_brand_voice", {
      name: "Nordic Home",
      guidelines: "Calm and warm, short sentences.",
    });
    await meter.call("list_brand_voices", {});
    await meter.call("delete_brand_voice", { name: "Nordic Home" });
    return { products, catalog, typical: meter.traffic() };
  } finally {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const number = (n: number) => n.toLocaleString("en-US");

export function trafficTable({ products, catalog, typical }: TrafficFigures): string {
  const row = (
    name: string,
    { calls, requests, results }: { calls: number; requests: number; results: number },
  ) => `| ${name} | ${number(Math.round(requests / calls))} | ${number(Math.round(results / calls))} |`;
  const rows = [
    ...[...typical.byTool].map(([name, figures]) => row(name, figures)),
    // The catalog's calls, per call: a page of briefs, a page's save.
    ...[...catalog.byTool].map(([name, figures]) =>
      row(`${name} (catalog: mean of ${figures.calls})`, figures),
    ),
  ].sort();
  const total = totalOf(catalog);
  return [
    "| tool | request characters | result characters (text + structured) |",
    "| --- | ---: | ---: |",
    ...rows,
    "",
    `tools/list: ${number(catalog.toolsList)} characters (~${number(Math.round(catalog.toolsList / CHARACTERS_PER_TOKEN))} tokens), once per session; ` +
      `${number(catalog.toolsShown)} (~${number(Math.round(catalog.toolsShown / CHARACTERS_PER_TOKEN))} tokens) without the output schemas, which clients check results against rather than show their model`,
    `host-model catalog of ${products} products: ${catalog.calls} calls, ${number(catalog.requests)} characters of requests + ` +
      `${number(catalog.results)} of results = ${number(total)} (~${number(Math.round(total / CHARACTERS_PER_TOKEN))} tokens)`,
  ].join("\n");
}

export function trafficTargets({ products, catalog }: TrafficFigures): string[] {
  const tokens = Math.round(totalOf(catalog) / CHARACTERS_PER_TOKEN);
  return [
    `host-model catalog of ${products} products under ${number(TOKEN_BUDGET)} tokens of tool traffic: ` +
      `${tokens < TOKEN_BUDGET ? "met" : "MISSED"} (${number(tokens)})`,
  ];
}
