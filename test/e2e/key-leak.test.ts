import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import {
  FAKE_MODEL,
  type FakeLlmServer,
  openAiCompletion,
  openAiError,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { callTool, type RunningServer, startServer, tempDataDir, textOf } from "../support/server-process.ts";

const KEY = "sk-proj-Zq8vR2mXw4Tn6Yp0Lk3JhG";
const PRODUCT = { title: "Enamel mug", keywords: ["red"] };

/** The key as issue 9 found it echoed: base64 (inside a longer blob), base64url, spaced and dashed out. */
const ECHOES = [
  Buffer.from(`user:${KEY}`).toString("base64"),
  Buffer.from(`x${KEY}`).toString("base64url"),
  [...KEY].join(" "),
  [...KEY].join("-"),
  encodeURIComponent(`${KEY}/`),
];

/** Any of those forms, or the key itself, in text or bytes. */
function carriesKey(text: string): boolean {
  const plain = KEY.replaceAll("-", "");
  if (text.replace(/[\s-]/g, "").includes(plain)) return true;
  return ECHOES.some((echo) => text.includes(echo.slice(8, -8)));
}

let fake: FakeLlmServer;
let server: RunningServer;
const dataDir = tempDataDir();
before(async () => {
  fake = await startFakeOpenAi({ apiKey: KEY });
  server = await startServer({
    dataDir,
    args: [
      "--provider",
      "openai",
      "--provider-url",
      fake.url,
      "--provider-model",
      FAKE_MODEL,
      "--log-level",
      "debug",
    ],
    env: { COPYDESK_PROVIDER_API_KEY: KEY },
  });
  await server.client.setLoggingLevel("debug");
});
after(async () => {
  await server.close();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it("a provider that echoes or returns the key: it reaches no result, log, log level or database file", async () => {
  const results = [];
  for (const echo of ECHOES) {
    fake.enqueue({ status: 400, body: openAiError(`Invalid key ${echo}`, "invalid_request_error") });
    const result = await callTool(server.client, "create_product", PRODUCT);
    assert.equal(result.isError, true, textOf(result));
    assert.match(textOf(result), /\[redacted\]/);
    results.push(result);
  }
  for (const reply of [
    openAiCompletion({ text: `A red mug. ${ECHOES[2]}` }),
    openAiCompletion({ text: `A red mug. ${KEY}` }),
    openAiCompletion({ text: "A red mug.", model: KEY }),
  ]) {
    fake.enqueue({ body: reply });
    const result = await callTool(server.client, "create_product", PRODUCT);
    assert.equal(result.isError, true, textOf(result));
    assert.match(textOf(result), /API key in its reply/);
    results.push(result);
  }
  await server.close();

  assert.ok(!carriesKey(JSON.stringify(results)), "the key is in a tool result");
  assert.ok(server.logMessages.length > 5, "debug logging reached the client");
  for (const message of server.logMessages) assert.ok(!carriesKey(message), `MCP log: ${message}`);
  assert.match(server.stderr(), /copydesk debug: /);
  for (const line of server.stderr().split("\n")) assert.ok(!carriesKey(line), `stderr: ${line}`);
  for (const file of readdirSync(dataDir)) {
    assert.ok(!carriesKey(readFileSync(join(dataDir, file), "latin1")), `the key is in ${file}`);
  }
});
