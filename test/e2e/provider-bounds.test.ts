import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import {
  FAKE_MODEL,
  type FakeLlmServer,
  openAiCompletion,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { callTool, type RunningServer, startServer, tempDataDir, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const KEY = "sk-proj-Zq8vR2mXw4Tn6Yp0Lk3JhG";
const ONE_MIB = 1024 * 1024;
const ENDLESS = "Endless lamp";
const split = (between: string) => `${KEY.slice(0, 9)}${between}${KEY.slice(9)}`;
/** The key as issue 19 (item 8) found it passing the check, by product: each is rebuilt by cleaning. */
const HIDDEN: Readonly<Record<string, string>> = {
  "Mug zero-width": split("\u200b"),
  "Mug control": split("\u0007"),
  "Mug bidi": split("\u202e"),
  "Mug escaped": [...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
};

/** Stand-in copy with the key hidden in its description, raw in the model's JSON (escapes as escapes). */
function hostileCopy(prompt: string, hidden: string): string {
  const copy = JSON.parse(standInCopy(prompt)) as Record<string, unknown>;
  return JSON.stringify({ ...copy, description: `${copy.description} Code HIDDEN.` }).replace(
    "HIDDEN",
    hidden,
  );
}

/** What cleaning and JSON reading make of a text: escapes decoded (twice), invisibles dropped. */
function cleaned(text: string): string {
  const decode = (value: string) =>
    value.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return decode(decode(text)).replace(/[\p{Cc}\p{Cf}]/gu, "");
}

describe("a broken or hostile provider, through the executable (issue 19, items 5 and 8)", () => {
  let fake: FakeLlmServer;
  let server: RunningServer;
  const dataDir = tempDataDir();
  before(async () => {
    fake = await startFakeOpenAi({
      apiKey: KEY,
      text: standInCopy,
      respond(prompt) {
        const name = /<product_name>\n(.*)\n<\/product_name>/.exec(prompt)?.[1] ?? "";
        if (name === ENDLESS) return { endless: "[" };
        // Every request for the product, the retry for failed checks too.
        const hidden = HIDDEN[name];
        return hidden === undefined
          ? undefined
          : { body: openAiCompletion({ text: hostileCopy(prompt, hidden) }) };
      },
    });
    server = await startServer({
      dataDir,
      args: ["--provider", "openai", "--provider-url", fake.url, "--provider-model", FAKE_MODEL],
      env: { COPYDESK_PROVIDER_API_KEY: KEY },
    });
  });
  after(async () => {
    await server.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("an endless reply is cut at 1 MiB with an error naming the cap; a job fails that product and goes on", async () => {
    const single = await callTool(server.client, "create_product", { title: ENDLESS, keywords: ["brass"] });
    assert.equal(single.isError, true);
    assert.match(textOf(single), /more than 1 MiB, copydesk's limit for a reply/);
    assert.doesNotMatch(textOf(single), /Could not reach/);
    const first = fake.requests.at(-1);
    assert.ok(first && first.bytesSent < ONE_MIB + 8 * ONE_MIB, `the fake wrote ${first?.bytesSent} bytes`);

    const csv = `Title,Keywords\nDesk lamp,brass\n${ENDLESS},brass\nFloor lamp,brass\n`;
    const imported = await callTool(server.client, "import_products", { csv_text: csv });
    assert.equal(imported.isError, undefined, textOf(imported));
    const importId = structured("import_products", imported).import.importId;
    const result = await callTool(server.client, "write_catalog", { selection: { import_id: importId } });
    const { job } = structured("write_catalog", result);
    assert.deepEqual([job.state, job.done, job.failed], ["done", 2, 1], textOf(result));
    assert.equal(job.failures[0]?.title, ENDLESS);
    assert.match(job.failures[0]?.error ?? "", /1 MiB/);
    for (const request of fake.requests)
      assert.ok(request.bytesSent < 9 * ONE_MIB, `${request.bytesSent} bytes`);
  });

  it("a 200 carrying an error says the provider's words; Retry-After: -5 is no date in the past", async () => {
    fake.enqueue({ body: { error: { message: `Upstream model overloaded (key ${KEY})`, code: 502 } } });
    const failed = await callTool(server.client, "create_product", { title: "Lamp", keywords: ["brass"] });
    assert.equal(failed.isError, true);
    assert.match(
      textOf(failed),
      /HTTP 200 with an error instead of a reply: "Upstream model overloaded \(key \[redacted\]\)"/,
    );
    fake.enqueue({ status: 429, headers: { "retry-after": "-5" } });
    const written = await callTool(server.client, "create_product", { title: "Lamp", keywords: ["brass"] });
    assert.equal(written.isError, undefined, textOf(written));
    assert.match(server.stderr(), /answered HTTP 429; trying again in 1 second \(attempt 2 of 3\)/);
  });

  it("a key split by zero-width, control or bidi characters, or JSON-escaped, is refused and never stored", async () => {
    const before = structured("list_products", await callTool(server.client, "list_products", {})).products
      .length;
    for (const title of Object.keys(HIDDEN)) {
      const result = await callTool(server.client, "create_product", { title, keywords: ["red"] });
      assert.equal(result.isError, true, textOf(result));
      assert.match(textOf(result), /API key/);
      assert.ok(!cleaned(JSON.stringify(result)).includes(KEY));
    }
    const listed = structured("list_products", await callTool(server.client, "list_products", {})).products;
    assert.equal(listed.length, before, "nothing was stored");
    await server.close();
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file), "latin1");
      assert.ok(!cleaned(bytes).includes(KEY.slice(9)), `the key is in ${file}`);
    }
  });
});
