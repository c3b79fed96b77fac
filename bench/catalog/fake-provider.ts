import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 that behaves like a rate-limited provider:
 * every answer takes `delayMs`, and a request that arrives while `maxInFlight` are already being answered
 * gets 429 with `Retry-After: 1` at once. It counts, per product (the <product_name> of the prompt), the
 * requests it answered 200.
 */
export interface BenchProvider {
  readonly url: string;
  /** 200 answers per product name. */
  readonly answered: Map<string, number>;
  readonly stats: { requests: number; rejected: number; peakInFlight: number };
  close(): Promise<void>;
}

export async function startBenchProvider(options: {
  delayMs: number;
  maxInFlight: number;
}): Promise<BenchProvider> {
  const answered = new Map<string, number>();
  const stats = { requests: 0, rejected: 0, peakInFlight: 0 };
  let inFlight = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      stats.requests++;
      if (inFlight >= options.maxInFlight) {
        stats.rejected++;
        response.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        response.end(JSON.stringify({ error: { message: "Rate limit reached", type: "requests" } }));
        return;
      }
      inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        model: string;
        messages: Array<{ role: string; content: unknown }>;
      };
      const prompt = String(body.messages.find((message) => message.role === "user")?.content ?? "");
      const product = /<product_name>\s*([\s\S]*?)\s*<\/product_name>/.exec(prompt)?.[1] ?? "?";
      const timer = setTimeout(() => {
        inFlight--;
        if (response.destroyed) return;
        answered.set(product, (answered.get(product) ?? 0) + 1);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            id: "chatcmpl-bench",
            object: "chat.completion",
            created: 1_790_000_000,
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: standInCopy(prompt) },
                finish_reason: "stop",
              },
            ],
            usage: { prompt_tokens: 400, completion_tokens: 200, total_tokens: 600 },
          }),
        );
      }, options.delayMs);
      response.on("close", () => {
        if (!response.writableFinished) {
          clearTimeout(timer);
          inFlight--;
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    answered,
    stats,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
