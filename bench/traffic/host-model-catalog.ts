import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { makeBigCsv } from "../../scripts/catalog/make-big-csv.ts";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { briefsOf } from "../../test/support/page-briefs.ts";

/** What the issue asks a 200-product host-model catalog to fit in: tokens counted as characters / 4. */
export const TOKEN_BUDGET = 100_000;
export const CHARACTERS_PER_TOKEN = 4;

/** Characters a chat model reads and writes through tools: each call's arguments and its whole result. */
export interface Traffic {
  /** tools/list, as the client puts every tool into the conversation once. */
  readonly toolsList: number;
  /** The part of tools/list a chat model is shown: each tool's name, description and input schema. */
  readonly toolsShown: number;
  readonly requests: number;
  readonly results: number;
  readonly calls: number;
  /** Per tool: calls, and the characters of its arguments and results. */
  readonly byTool: ReadonlyMap<string, { calls: number; requests: number; results: number }>;
}

/**
 * The tool calls' traffic: what the model writes (arguments) and reads (results). tools/list is counted
 * apart: it is sent once per session whatever the catalog, and clients differ in how much of it (output
 * schemas, mostly) they show their model.
 */
export const totalOf = (traffic: Traffic): number => traffic.requests + traffic.results;

const textOf = (result: CallToolResult): string =>
  result.content.map((block) => (block.type === "text" ? block.text : "")).join("");

/** Counts what passes between a chat model and copydesk over one SDK client (no sampling: host model). */
export class TrafficMeter {
  toolsList = 0;
  toolsShown = 0;
  requests = 0;
  results = 0;
  calls = 0;
  readonly byTool = new Map<string, { calls: number; requests: number; results: number }>();

  private readonly client: Client;

  constructor(client: Client) {
    this.client = client;
  }

  async listTools(): Promise<void> {
    const listed = await this.client.listTools();
    this.toolsList = JSON.stringify(listed).length;
    this.toolsShown = JSON.stringify(
      listed.tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })),
    ).length;
  }

  async call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    const result = (await this.client.callTool({ name, arguments: args })) as CallToolResult;
    if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
    const sent = JSON.stringify({ name, arguments: args }).length;
    const received = JSON.stringify({
      content: result.content,
      structuredContent: result.structuredContent,
    }).length;
    this.calls++;
    this.requests += sent;
    this.results += received;
    const tool = this.byTool.get(name) ?? { calls: 0, requests: 0, results: 0 };
    this.byTool.set(name, {
      calls: tool.calls + 1,
      requests: tool.requests + sent,
      results: tool.results + received,
    });
    return result;
  }

  traffic(): Traffic {
    return {
      toolsList: this.toolsList,
      toolsShown: this.toolsShown,
      requests: this.requests,
      results: this.results,
      calls: this.calls,
      byTool: new Map(this.byTool),
    };
  }
}

type Page = { items: Array<{ id: string; title: string }> };
type JobResult = { job: { id: string; state: string; done: number; total: number }; page?: Page };

/**
 * A merchant's catalog written by the calling model, as a chat model would drive it: tools/list, import
 * a Shopify file of `products` (two variants and an image each), write_catalog, then for every page of
 * briefs one save of its copy and one resume_job, until the job is done. The stand-in model writes.
 */
export async function hostModelCatalog(
  client: Client,
  products: number,
): Promise<{ traffic: Traffic; job: JobResult["job"]; pages: number; briefsHandedOut: string[] }> {
  const meter = new TrafficMeter(client);
  const folder = mkdtempSync(join(tmpdir(), "copydesk-traffic-"));
  try {
    const csv = join(folder, "products.csv");
    await makeBigCsv(csv, products * 3);
    await meter.listTools();
    await meter.call("import_products", { path: csv });
    let answer = await meter.call("write_catalog", { selection: { status: "draft" } });
    let result = answer.structuredContent as JobResult;
    const briefsHandedOut: string[] = [];
    let pages = 0;
    while (result.page) {
      pages++;
      const briefs = briefsOf(textOf(answer));
      const items = result.page.items.map((item) => {
        briefsHandedOut.push(item.id);
        return { id: item.id, copy: JSON.parse(standInCopy(briefs.get(item.id) ?? "")) };
      });
      const saved = (await meter.call("save_product_copy", { job_id: result.job.id, items }))
        .structuredContent as { job?: JobResult["job"] };
      if (saved.job?.state === "done") {
        result = { job: saved.job };
        break;
      }
      answer = await meter.call("resume_job", { id: result.job.id });
      result = answer.structuredContent as JobResult;
    }
    return { traffic: meter.traffic(), job: result.job, pages, briefsHandedOut };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
