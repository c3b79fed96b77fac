import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { makeBigCsv } from "../../scripts/catalog/make-big-csv.ts";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { FAKE_MODEL, type FakeLlmServer, openAiError, startFakeOpenAi } from "../support/fake-llm-servers.ts";
import { EXECUTABLE, eventually, NO_NODE_PATH, tempDataDir } from "../support/server-process.ts";

const FIXTURE = "test/fixtures/catalog/shopify-legacy.csv";
/** The copy columns of the legacy Shopify dialect: the only cells an export may change. */
const COPY_COLUMNS = ["Body (HTML)", "SEO Title", "SEO Description"];

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<Finished>;
}

function start(args: readonly string[], env: Record<string, string>): Running {
  // Pipes, not a terminal: the write command must print lines, not draw a bar.
  const child = spawn(EXECUTABLE, [...args], {
    env: { PATH: NO_NODE_PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const copydesk = (args: readonly string[], env: Record<string, string> = {}) => start(args, env).done;

/** Product names of the requests the fake answered, one entry per request. */
function productsAsked(fake: FakeLlmServer): string[] {
  return fake.requests
    .filter((request) => !request.aborted)
    .map((request) => {
      const messages = (request.body as { messages: Array<{ role: string; content: string }> }).messages;
      const prompt = messages.find((message) => message.role === "user")?.content ?? "";
      return /<product_name>\s*([\s\S]*?)\s*<\/product_name>/.exec(prompt)?.[1] ?? "?";
    });
}

const repeated = (names: readonly string[]) => names.filter((name, index) => names.indexOf(name) !== index);

describe("copydesk import, write and export", () => {
  let fake: FakeLlmServer;
  let dataDir: string;
  let provider: Record<string, string>;
  before(async () => {
    fake = await startFakeOpenAi({ text: standInCopy });
    provider = {
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: fake.url,
      COPYDESK_PROVIDER_MODEL: FAKE_MODEL,
    };
  });
  after(async () => {
    await fake.close();
  });

  it("imports a Shopify file, writes it, exports it, and the export imports with nothing changed", async () => {
    dataDir = tempDataDir();
    try {
      const data = ["--data-dir", join(dataDir, "data")]; // exports go next to it, not inside
      const imported = await copydesk(["import", FIXTURE, ...data]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /2 products: 2 created, 0 updated, 0 unchanged, 0 rows rejected/);
      const importId = /Import id: (\S+)/.exec(imported.stdout)?.[1];
      assert.ok(importId, imported.stdout);

      const written = await copydesk(["write", "--import", importId, ...data], provider);
      assert.equal(written.code, 0, written.stderr);
      assert.match(written.stdout, /done: 2 written, 0 failed, 0 not yet written, of 2/);
      assert.match(written.stderr, /writing: 100% \(2 of 2\): 2 written, 0 failed/);
      assert.deepEqual(repeated(productsAsked(fake)), [], "no product was asked for twice");

      const output = join(dataDir, "export.csv");
      const exported = await copydesk(
        ["export", "--format", "shopify", "--output", output, "--include", "written", ...data],
        provider,
      );
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(
        exported.stdout,
        /Wrote .*export\.csv \(shopify-legacy, import \S+, 4 rows\): the copy of 2 products; 6 copy cells changed in 2 products\./,
      );

      // The same command again (the products are exported now): the same file, not the imported copy.
      const output2 = join(dataDir, "export-again.csv");
      const again2 = await copydesk(["export", "--format", "shopify", "--output", output2, ...data]);
      assert.equal(again2.code, 0, again2.stderr);
      assert.match(again2.stdout, /the copy of 2 products; 6 copy cells changed/);
      assert.equal(readFileSync(output2, "utf8"), readFileSync(output, "utf8"));
      const asCsv = join(dataDir, "export.jsonl");
      const converted = await copydesk(["export", "--format", "jsonl", "--output", asCsv, ...data]);
      assert.equal(converted.code, 0, converted.stderr);
      assert.match(converted.stdout, /converted from shopify-legacy, 2 rows\): the copy of 2 products/);
      assert.equal(readFileSync(asCsv, "utf8").trimEnd().split("\n").length, 2);

      const before = parse(readFileSync(FIXTURE), { bom: true }) as string[][];
      const after = parse(readFileSync(output), { bom: true }) as string[][];
      assert.equal(after.length, before.length);
      const header = before[0] as string[];
      assert.deepEqual(after[0], header);
      const copyIndexes = new Set(COPY_COLUMNS.map((name) => header.indexOf(name)));
      for (const [row, cells] of before.entries()) {
        for (const [column, cell] of cells.entries()) {
          if (!copyIndexes.has(column))
            assert.equal(after[row]?.[column], cell, `row ${row}, ${header[column]}`);
        }
      }
      const description = header.indexOf("Body (HTML)");
      assert.match(String(after[1]?.[description]), /stand-in text from the demo model/);

      const again = await copydesk(["import", output, ...data]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /2 products: 0 created, 0 updated, 2 unchanged, 0 rows rejected/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("prints one line per 10% when its output is not a terminal", async () => {
    dataDir = tempDataDir();
    try {
      const csv = join(dataDir, "twenty.csv");
      await makeBigCsv(csv, 60); // 20 products of three rows each
      const data = ["--data-dir", dataDir];
      assert.equal((await copydesk(["import", csv, ...data])).code, 0);
      const written = await copydesk(["write", "--max-concurrency", "3", ...data], provider);
      assert.equal(written.code, 0, written.stderr);
      const lines = written.stderr.split("\n").filter((line) => line.startsWith("writing: "));
      const percents = lines.map((line) => Number(/writing: (\d+)%/.exec(line)?.[1]));
      assert.deepEqual(percents, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], written.stderr);
      const counts = lines.map((line) => Number(/\((\d+) of 20\)/.exec(line)?.[1]));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => a - b),
        "progress never goes backwards",
      );
      assert.equal(counts.at(-1), 20);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("stops on Ctrl-C with the job resumable, and --resume writes the rest, none twice", async () => {
    dataDir = tempDataDir();
    const slow = await startFakeOpenAi({ text: standInCopy });
    try {
      const csv = join(dataDir, "twenty.csv");
      await makeBigCsv(csv, 60);
      const data = ["--data-dir", dataDir];
      assert.equal((await copydesk(["import", csv, ...data])).code, 0);
      const env = { ...provider, COPYDESK_PROVIDER_URL: slow.url };
      // Three answered, then two held open: Ctrl-C cancels those two rather than wait for them.
      slow.enqueue({}, {}, {}, { hang: true }, { hang: true });
      const running = start(["write", "--max-concurrency", "2", ...data], env);
      await slow.waitForRequests(5);
      running.child.kill("SIGINT");
      const stopped = await running.done;
      assert.equal(stopped.code, 130, stopped.stderr);
      assert.match(stopped.stderr, /Stopping: cancelling the requests in flight/);
      await eventually(() => slow.requests.slice(3).every((request) => request.aborted), "requests dropped");
      const jobId = /Resume with: copydesk write --resume (\S+)/.exec(stopped.stdout)?.[1];
      assert.ok(jobId, stopped.stdout);
      const firstRun = productsAsked(slow).length;
      assert.equal(firstRun, 3, "the products answered before the stop");
      assert.match(
        stopped.stdout,
        new RegExp(`${firstRun} written, 0 failed, ${20 - firstRun} not yet written`),
      );

      const resumed = await copydesk(["write", "--resume", jobId, ...data], env);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, /done: 20 written, 0 failed, 0 not yet written, of 20/);
      const asked = productsAsked(slow);
      assert.equal(asked.length, 20);
      assert.deepEqual(repeated(asked), [], "no product was written twice");
    } finally {
      await slow.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("stops at the first 401 with one request and one line on stderr, exit 1; --resume with a good key writes the rest", async () => {
    dataDir = tempDataDir();
    const guarded = await startFakeOpenAi({ apiKey: "sk-test-GOOD", text: standInCopy });
    try {
      const csv = join(dataDir, "twenty.csv");
      await makeBigCsv(csv, 60);
      const data = ["--data-dir", dataDir];
      assert.equal((await copydesk(["import", csv, ...data])).code, 0);
      const env = { ...provider, COPYDESK_PROVIDER_URL: guarded.url };
      const refused = await copydesk(["write", ...data], {
        ...env,
        COPYDESK_PROVIDER_API_KEY: "sk-test-WRONG",
      });
      assert.equal(refused.code, 1, refused.stderr);
      assert.equal(guarded.requests.length, 1, "one request, not one per product");
      const lines = refused.stderr.split("\n").filter((line) => line !== "");
      assert.equal(lines.length, 1, refused.stderr);
      assert.match(
        lines[0] as string,
        /^copydesk: write: job stopped: .*HTTP 401.*COPYDESK_PROVIDER_API_KEY/,
      );
      assert.ok(!refused.stderr.includes("sk-test") && !refused.stdout.includes("sk-test"));
      assert.match(refused.stdout, /stopped: 0 written, 0 failed, 20 not yet written, of 20/);
      assert.doesNotMatch(refused.stdout, /failed \S+ \(/, "no product is listed as failed");
      const jobId = /Fix that, then resume with: copydesk write --resume (\S+)/.exec(refused.stdout)?.[1];
      assert.ok(jobId, refused.stdout);

      const resumed = await copydesk(["write", "--resume", jobId, ...data], {
        ...env,
        COPYDESK_PROVIDER_API_KEY: "sk-test-GOOD",
      });
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, /done: 20 written, 0 failed, 0 not yet written, of 20/);
      const answered = guarded.requests.filter((request) => request.status === 200);
      assert.equal(answered.length, 20);
      assert.deepEqual(repeated(productsAsked(guarded).slice(1)), [], "no product was written twice");
    } finally {
      await guarded.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("records a product the provider refuses, goes on with the rest, and exits 1 naming it", async () => {
    dataDir = tempDataDir();
    try {
      const data = ["--data-dir", dataDir];
      assert.equal((await copydesk(["import", FIXTURE, ...data])).code, 0);
      fake.enqueue({
        status: 400,
        body: openAiError("This request breaks the usage policy.", "invalid_request_error"),
      });
      const written = await copydesk(["write", "--max-concurrency", "1", ...data], provider);
      assert.equal(written.code, 1, written.stderr);
      assert.match(written.stdout, /done: 1 written, 1 failed, 0 not yet written, of 2/);
      assert.match(written.stdout, /\n {2}failed \S+ \(Trail Boot\): .*usage policy/);
      assert.match(written.stdout, /copydesk write --missing tries again/);
      const again = await copydesk(["write", ...data], provider);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /done: 1 written, 0 failed, 0 not yet written, of 1/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("answers usage mistakes with one line on stderr and exit code 2", async () => {
    dataDir = tempDataDir();
    try {
      const data = ["--data-dir", dataDir];
      const cases: Array<[string[], Record<string, string>, RegExp]> = [
        [["import", ...data], {}, /import: name the file to import/],
        [["import", FIXTURE, "--format", "excel", ...data], {}, /--format: "excel" is not one of/],
        [["import", FIXTURE, "--mapping", "{title", ...data], {}, /--mapping: not JSON/],
        [["import", FIXTURE, "--bogus", ...data], {}, /Unknown option '--bogus'.*copydesk import --help/],
        [["write", ...data], {}, /write: no provider is configured; give --provider/],
        [
          ["write", "--max-concurrency", "0", ...data],
          provider,
          /--max-concurrency: "0" must be a whole number/,
        ],
        [["write", "--all", "--missing", ...data], provider, /--all and --missing/],
        [["write", "--resume", "x", "--all", ...data], provider, /leave out --all/],
        [["write", "--length", "huge", ...data], provider, /--length: length is "short"/],
        [["export", "--output", "x.csv", ...data], {}, /export: --format is required/],
        [["export", "--format", "shopify", ...data], {}, /export: --output FILE is required/],
        [
          ["export", "--format", "shopify", "-o", "x.csv", "--include", "sold", ...data],
          {},
          /--include: "sold"/,
        ],
      ];
      for (const [args, env, message] of cases) {
        const result = await copydesk(args, env);
        assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
        assert.match(result.stderr, message);
        assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
        assert.equal(result.stdout, "");
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("reports a file it cannot import in one line with exit code 1, and imports nothing", async () => {
    dataDir = tempDataDir();
    try {
      const data = ["--data-dir", dataDir];
      const missing = await copydesk(["import", join(dataDir, "nope.csv"), ...data]);
      assert.equal(missing.code, 1);
      assert.match(
        missing.stderr,
        /^copydesk: import: Cannot read .*nope\.csv: there is no such file\. Nothing was imported\.\n$/,
      );
      const written = await copydesk(["write", "--all", ...data], provider);
      assert.equal(written.code, 0, written.stderr);
      assert.match(written.stdout, /No products to write/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("has a --help for each command", async () => {
    for (const command of ["import", "write", "export"]) {
      const result = await copydesk([command, "--help"]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^Usage: copydesk ${command} `));
      assert.match(result.stdout, /--data-dir DIR/);
      assert.equal(result.stdout.includes("--provider-model"), command === "write");
    }
  });
});
