// Issue 19 item 4 through the built executable: two `copydesk write` processes on overlapping selections,
// both jobs running at once, ask the provider once per distinct product; one says what it left to the other.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { FAKE_MODEL, openAiCompletion } from "../support/fake-llm-servers.ts";
import { EXECUTABLE, NO_NODE_PATH, tempDataDir } from "../support/server-process.ts";

const PRODUCTS = 9;

function copydesk(args: readonly string[], env: Record<string, string>) {
  const child = spawn(EXECUTABLE, [...args], {
    env: { PATH: NO_NODE_PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * An OpenAI-compatible provider that holds its replies until both jobs have asked: each job's first product
 * goes alone, so two requests held means both jobs exist and run.
 */
async function holdingProvider() {
  const asked: string[] = [];
  let held: (() => void)[] | undefined = [];
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        messages: { role: string; content: string }[];
      };
      const prompt = body.messages.find((message) => message.role === "user")?.content ?? "";
      asked.push(/<product_name>\n(.*)\n<\/product_name>/.exec(prompt)?.[1] ?? "?");
      const answer = () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(openAiCompletion({ text: standInCopy(prompt), model: FAKE_MODEL })));
      };
      if (held === undefined) return answer();
      held.push(answer);
      if (held.length === 2) {
        const waiting = held;
        held = undefined;
        for (const release of waiting) release();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

it("two copydesk write processes on overlapping products: one request per distinct product", async () => {
  const dataDir = tempDataDir();
  const provider = await holdingProvider();
  try {
    const csv = join(dataDir, "lamps.csv");
    writeFileSync(
      csv,
      `Title,Keywords\n${Array.from({ length: PRODUCTS }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`,
    );
    const imported = await copydesk(["import", csv, "--data-dir", dataDir], {});
    assert.equal(imported.code, 0, imported.stderr);
    const db = new DatabaseSync(join(dataDir, "copydesk.db"), { readOnly: true });
    const ids = db
      .prepare("SELECT id FROM records ORDER BY seq")
      .all()
      .map((row) => String(row.id));
    db.close();
    assert.equal(ids.length, PRODUCTS);

    const env = {
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: provider.url,
      COPYDESK_PROVIDER_MODEL: FAKE_MODEL,
    };
    const write = (some: readonly string[]) =>
      copydesk(["write", "--ids", some.join(","), "--data-dir", dataDir], env);
    const results = await Promise.all([write(ids.slice(0, 6)), write(ids.slice(3))]);
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.equal(provider.asked.length, PRODUCTS, `asked for ${provider.asked.join(", ")}`);
    assert.equal(new Set(provider.asked).size, PRODUCTS, "no product asked for twice");
    const skipping = results.filter((result) => /3 products skipped: already in job \S+/.test(result.stdout));
    assert.equal(skipping.length, 1, results.map((result) => result.stdout).join("\n"));
  } finally {
    await provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
