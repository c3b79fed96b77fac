import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { it } from "node:test";
import { type Random, seededRandom, testSeed } from "../support/seeded-random.ts";
import { EXECUTABLE, NO_NODE_PATH, tempDataDir } from "../support/server-process.ts";

const LINES = 2400;
const SEED = testSeed(0x9c0de5c);

type Id = string | number;

/** A request id JSON-RPC and MCP both allow; what the server must answer. */
function isAnswerableId(id: unknown): id is Id {
  return typeof id === "string" || (typeof id === "number" && Number.isSafeInteger(id));
}

const TOOLS = ["list_products", "list_posts", "get_product", "get_post", "create_product", "create_blog"];
const METHODS = [
  "ping",
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/read",
  "resources/templates/list",
  "logging/setLevel",
  "prompts/list",
  "completion/complete",
  "no/such/method",
  "initialize",
];

function weirdString(random: Random): string {
  const pieces = [
    "mug",
    "\u0000\u0001\u0007\u001b[31m",
    "\n\r\t",
    "\u202e\u2066evil",
    "\uFEFF",
    "ünïcödé 日本語 🍵",
    "\u2028\u2029",
    '"\\',
    "x".repeat(random.int(0, 300)),
  ];
  let text = "";
  for (let i = random.int(0, 4); i > 0; i--) text += random.pick(pieces);
  return text;
}

function weirdValue(random: Random, depth = 0): unknown {
  switch (random.int(0, depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 2 ** 53 + 2, -0, 1e308]);
    case 3:
    case 4:
    case 5:
      return weirdString(random);
    case 6:
      return Array.from({ length: random.int(0, 4) }, () => weirdValue(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(0, 4) }, () => [weirdString(random), weirdValue(random, depth + 1)]),
      );
  }
}

function validParams(random: Random, method: string): unknown {
  switch (method) {
    case "tools/call": {
      const name = random.pick(TOOLS);
      const args: Record<string, unknown> = {
        list_products: { limit: random.int(1, 5) },
        list_posts: {},
        get_product: { id: weirdString(random) },
        get_post: { id: weirdString(random) },
        create_product: { title: `Fuzz ${weirdString(random)}`.slice(0, 150), keywords: ["red"] },
        create_blog: { title: "Fuzz post", content: weirdString(random) || "text" },
      };
      return { name, arguments: args[name] };
    }
    case "resources/read":
      return { uri: `copydesk://products/${encodeURIComponent(weirdString(random))}` };
    case "logging/setLevel":
      return { level: random.pick(["debug", "info", "error"]) };
    case "initialize":
      return { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } };
    default:
      return {};
  }
}

/** Deeply nested JSON, as text (building it as an object first would be as slow for us as for the server). */
function deep(random: Random): string {
  const depth = random.int(1000, 60_000);
  return random.chance(0.5)
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

interface FuzzLine {
  readonly text: string;
  /** Ids this line must be answered under. */
  readonly ids: readonly Id[];
  /** True when the line is not JSON at all: a -32700 with id null is due. */
  readonly unparsable: boolean;
}

function fuzzLine(random: Random, nextId: () => Id, usedIds: Id[]): FuzzLine {
  const id = (): Id => {
    // Duplicate ids, now and then, of requests that may still be running.
    const reuse = usedIds.length > 0 && random.chance(0.05);
    const chosen = reuse ? random.pick(usedIds) : nextId();
    usedIds.push(chosen);
    return chosen;
  };
  const request = (): Record<string, unknown> => {
    const method = random.pick(METHODS);
    return { jsonrpc: "2.0", id: id(), method, params: validParams(random, method) };
  };
  const json = (value: unknown, ids: Id[]): FuzzLine => ({
    text: JSON.stringify(value),
    ids,
    unparsable: false,
  });
  const kind = random.int(0, 13);
  switch (kind) {
    case 0:
    case 1: {
      const message = request();
      return json(message, [message.id as Id]);
    }
    case 2: {
      // Malformed JSON: a valid request cut short, or noise.
      const text = JSON.stringify(request()).slice(0, random.int(1, 30));
      return { text: random.chance(0.5) ? text : `${weirdString(random)}{]`, ids: [], unparsable: true };
    }
    case 3: {
      // Wrong types where a request is expected.
      const message: Record<string, unknown> = { ...request() };
      const field = random.pick(["params", "method", "jsonrpc", "id", "extra"]);
      message[field] = weirdValue(random);
      if (field === "params" && (typeof message.params !== "object" || message.params === null)) {
        message.params = random.pick(["x", 5, [1, 2], true]);
      }
      return json(message, isAnswerableId(message.id) && "method" in message ? [message.id] : []);
    }
    case 4: {
      // Valid envelope, params of the wrong shape for the method.
      const method = random.pick(["tools/call", "resources/read", "logging/setLevel", "initialize"]);
      const message = {
        jsonrpc: "2.0",
        id: id(),
        method,
        params: { name: weirdValue(random), uri: weirdValue(random), level: weirdValue(random) },
      };
      return json(message, [message.id]);
    }
    case 5: {
      // Huge values: up to 2 MB of string in a request.
      const message = request();
      message.params = { ...(message.params as object), pad: "é".repeat(random.int(10_000, 1_000_000)) };
      return json(message, [message.id as Id]);
    }
    case 6: {
      const message = request();
      return {
        text: `{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"method":"ping","params":{"deep":${deep(random)}}}`,
        ids: [message.id as Id],
        unparsable: false,
      };
    }
    case 7: {
      // Batches, with requests, notifications and junk inside.
      const items: unknown[] = [];
      const ids: Id[] = [];
      for (let i = random.int(0, 5); i > 0; i--) {
        if (random.chance(0.6)) {
          const message = request();
          items.push(message);
          ids.push(message.id as Id);
        } else {
          items.push(
            random.chance(0.5) ? { jsonrpc: "2.0", method: "notifications/initialized" } : weirdValue(random),
          );
        }
      }
      return json(items, ids);
    }
    case 8:
      // Notifications, valid and not; cancellations only of ids no request uses.
      return json(
        random.pick([
          { jsonrpc: "2.0", method: "notifications/initialized" },
          {
            jsonrpc: "2.0",
            method: "notifications/cancelled",
            params: { requestId: `never-${random.int(0, 99)}` },
          },
          {
            jsonrpc: "2.0",
            method: "notifications/cancelled",
            params: { requestId: random.pick([{}, [], true, null, 1.5, { id: weirdValue(random) }]) },
          },
          { jsonrpc: "2.0", method: "notifications/progress", params: weirdValue(random) },
          { jsonrpc: "2.0", method: weirdString(random) },
        ]),
        [],
      );
    case 9:
      // Responses to requests the server never sent.
      return json({ jsonrpc: "2.0", id: `stray-${random.int(0, 999)}`, result: weirdValue(random) }, []);
    case 10: {
      // A BOM, CRLF and unicode around a valid request.
      const message = request();
      return { text: `\uFEFF${JSON.stringify(message)}\r`, ids: [message.id as Id], unparsable: false };
    }
    case 11:
      // Any JSON value at all.
      return json(weirdValue(random), []);
    case 12: {
      // Escaped lone surrogates and control characters inside strings.
      const message = request();
      const text = JSON.stringify(message).replace(
        '"method"',
        '"note":"\\ud800\\u0000\\u001b\\udfff","method"',
      );
      return { text, ids: [message.id as Id], unparsable: false };
    }
    default:
      return { text: "", ids: [], unparsable: false };
  }
}

it(`${LINES} fuzzed stdio lines: no crash, an answer for every request with an id, only JSON on stdout (seed ${SEED})`, async () => {
  const random = seededRandom(SEED);
  const dataDir = tempDataDir();
  const child = spawn(EXECUTABLE, ["--data-dir", dataDir, "--sampling-timeout", "2s"], {
    env: { PATH: NO_NODE_PATH, HOME: dataDir },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const answers = new Map<string, number>();
  let nullIdAnswers = 0;
  const nonJson: string[] = [];
  let onAnswer = () => {};
  // Split on "\n" only, as MCP's stdio framing does: readline would also split inside a JSON string at
  // U+2028 and U+2029, which JSON leaves unescaped.
  const onLine = (line: string) => {
    let message: { jsonrpc?: unknown; id?: unknown; method?: unknown; result?: unknown; error?: unknown };
    try {
      message = JSON.parse(line);
    } catch {
      nonJson.push(line.slice(0, 200));
      return;
    }
    if (message === null || typeof message !== "object" || message.jsonrpc !== "2.0") {
      nonJson.push(line.slice(0, 200));
      return;
    }
    if (typeof message.method === "string" && message.id !== undefined) {
      // The server asks the client something (sampling): refuse, as a client without it would.
      child.stdin.write(
        `${JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "no" } })}\n`,
      );
      return;
    }
    if (message.method !== undefined) return;
    if (message.id === null) nullIdAnswers++;
    else answers.set(JSON.stringify(message.id), (answers.get(JSON.stringify(message.id)) ?? 0) + 1);
    onAnswer();
  };
  let pending = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts) onLine(part);
  });

  try {
    let counter = 0;
    const nextId = (): Id => (random.chance(0.5) ? ++counter : `req-${++counter}`);
    const usedIds: Id[] = [];
    const expected = new Map<string, number>();
    let unparsable = 0;
    const write = async (text: string) => {
      if (!child.stdin.write(`${text}\n`)) await once(child.stdin, "drain");
    };
    await write(
      JSON.stringify({
        jsonrpc: "2.0",
        id: "init",
        method: "initialize",
        params: validParams(random, "initialize"),
      }),
    );
    await write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    expected.set(JSON.stringify("init"), 1);
    for (let i = 0; i < LINES; i++) {
      const line = fuzzLine(random, nextId, usedIds);
      for (const id of line.ids)
        expected.set(JSON.stringify(id), (expected.get(JSON.stringify(id)) ?? 0) + 1);
      if (line.unparsable) unparsable++;
      await write(line.text);
    }
    // And one line over the 10 MiB limit, then a last ping.
    await write(
      `{"jsonrpc":"2.0","id":"huge","method":"ping","params":{"pad":"${"x".repeat(10.5 * 1024 * 1024)}"}}`,
    );
    await write(JSON.stringify({ jsonrpc: "2.0", id: "last", method: "ping" }));
    expected.set(JSON.stringify("last"), 1);

    const missing = () => [...expected].filter(([id, count]) => (answers.get(id) ?? 0) < count);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `unanswered after 60 s: ${missing()
                .slice(0, 10)
                .map(([id]) => id)
                .join(", ")}`,
            ),
          ),
        60_000,
      );
      onAnswer = () => {
        if (missing().length === 0) {
          clearTimeout(timer);
          resolve();
        }
      };
      onAnswer();
      child.once("exit", (code, signal) =>
        reject(new Error(`the server died (${code ?? signal}):\n${stderr.slice(-2000)}`)),
      );
    });

    assert.deepEqual(nonJson, [], "only JSON-RPC on stdout");
    assert.ok(
      nullIdAnswers >= unparsable + 1,
      `${nullIdAnswers} answers with id null for ${unparsable} unparsable lines and one oversized`,
    );
    assert.ok(expected.size > 1000, `${expected.size} distinct request ids`);
    assert.equal(child.exitCode, null, "still running");
    assert.doesNotMatch(stderr, /Uncaught|TypeError|RangeError|at .*\.(ts|js|mjs):\d+/);
    child.stdin.end();
    const [code] = await once(child, "exit");
    assert.equal(code, 0);
  } finally {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
