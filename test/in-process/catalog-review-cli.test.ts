import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import type { CatalogDeps } from "../../src/cli/catalog/catalog-deps.ts";
import { type CatalogCommand, runCatalogCommand } from "../../src/cli/catalog/command.ts";
import { FAKE_MODEL, type FakeLlmServer, startFakeOpenAi } from "../support/fake-llm-servers.ts";
import { tempDataDir } from "../support/server-process.ts";

const FIXTURE = "test/fixtures/catalog/shopify-legacy.csv";

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** A catalog command in this process, as `copydesk NAME ...args` runs it; `interrupt` gets the Ctrl-C handler. */
async function run(
  dataDir: string,
  [name, ...args]: [CatalogCommand, ...string[]],
  env: Record<string, string> = {},
  interrupt?: (handler: () => void) => void,
): Promise<Ran> {
  const stdout = collector();
  const stderr = collector();
  const deps: CatalogDeps = {
    env,
    defaultDataDir: dataDir,
    cwd: process.cwd(),
    stdout: stdout.stream,
    stderr: stderr.stream,
    onInterrupt: (handler) => {
      interrupt?.(handler);
      return () => {};
    },
  };
  const code = await runCatalogCommand(name, args, deps);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const ids = (listing: string) => [...listing.matchAll(/\(id (\S+?)[,)]/g)].map((m) => m[1] as string);

describe("copydesk list, show and approve", () => {
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
    dataDir = tempDataDir();
    assert.equal((await run(dataDir, ["import", FIXTURE])).code, 0);
  });
  after(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists drafts, then written copy; shows one; approves by id and by status", async () => {
    const drafts = await run(dataDir, ["list"]);
    assert.equal(drafts.code, 0, drafts.stderr);
    assert.match(
      drafts.stdout,
      /^- Trail Boot \(id \S+\): draft, no copy yet \(copydesk write --ids \S+ writes it\)$/m,
    );
    assert.match(drafts.stdout, /^2 products\. copydesk show ID shows one in full/m);

    assert.equal((await run(dataDir, ["write"], provider)).code, 0);
    const written = await run(dataDir, ["list", "--status", "written"]);
    assert.equal(written.code, 0, written.stderr);
    const [first, second] = ids(written.stdout);
    assert.ok(first && second, written.stdout);
    assert.match(written.stdout, /^- Trail Boot \(id \S+, v1, written\): \S/m);
    assert.match(written.stdout, /^2 products \(status written\)\./m);

    const shown = await run(dataDir, ["show", first]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, new RegExp(`\\(id ${first}, copydesk://products/${first}\\): version 1 of 1`));
    assert.match(shown.stdout, /^Description:\n/m);
    assert.match(shown.stdout, /^Checks: /m);
    assert.match(shown.stdout, new RegExp(`Next: copydesk approve ${first} approves this copy\\.`));

    const one = await run(dataDir, ["approve", first]);
    assert.deepEqual([one.code, one.stdout.split("\n")[0]], [0, "Approved 1 product."]);
    assert.match(
      (await run(dataDir, ["list", "--status", "approved"])).stdout,
      /^1 product \(status approved\)\./m,
    );

    const rest = await run(dataDir, ["approve", "--status", "written"]);
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stdout, /^Approved 1 product\.\nNext: copydesk export/);
    const approved = await run(dataDir, ["list", "--status", "approved"]);
    assert.deepEqual(ids(approved.stdout).sort(), [first, second].sort());
    assert.equal(
      (await run(dataDir, ["list", "--status", "written"])).stdout,
      "No products match (status written).\n",
    );
  });

  it("says which products it could not approve, and exits 1", async () => {
    const result = await run(dataDir, ["approve", "nope"]);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      "Approved 0 products. Not approved (no such product, or no copy yet): nope.\n",
    );
  });

  it("show: an unknown id or version exits 1 with one line on stderr", async () => {
    const unknown = await run(dataDir, ["show", "nope"]);
    assert.deepEqual([unknown.code, unknown.stdout], [1, ""]);
    assert.equal(
      unknown.stderr,
      'copydesk: show: there is no product with id "nope" (copydesk list shows the ids)\n',
    );
    const [id] = ids((await run(dataDir, ["list"])).stdout);
    const version = await run(dataDir, ["show", String(id), "--version", "9"]);
    assert.match(version.stderr, /has no version 9/);
  });

  it("answers usage mistakes with one line on stderr and exit 2, and --help on stdout", async () => {
    const cases: Array<[[CatalogCommand, ...string[]], RegExp]> = [
      [["list", "--status", "sold"], /--status: "sold" is not one of draft, written/],
      [["list", "extra"], /list: unexpected "extra"/],
      [["list", "--import", "nope"], /There is no import with id "nope"/],
      [["show"], /show: name the product's id/],
      [["show", "a", "b"], /show: one product at a time/],
      [["show", "a", "--version", "0"], /--version: "0" must be a whole number/],
      [["approve"], /approve: name the products' ids, or give --status written/],
      [["approve", "a", "--status", "written"], /approve: name products or give --status, not both/],
      [["approve", "--status", "approved"], /--status: "approved" is not one of written, needs_review/],
      [["approve", "--import", "x"], /approve: --import needs --status/],
      [["approve", "--bogus"], /Unknown option '--bogus'.*copydesk approve --help/],
    ];
    for (const [args, message] of cases) {
      const result = await run(dataDir, args);
      const expected = args.includes("nope") ? 1 : 2;
      assert.equal(result.code, expected, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
      assert.equal(result.stdout, "");
    }
    for (const command of ["list", "show", "approve"] as const) {
      const help = await run(dataDir, [command, "--help"]);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: copydesk ${command} `));
      assert.equal(help.stderr, "");
    }
    const write = await run(dataDir, ["write", "--help"]);
    assert.match(write.stdout, /copydesk list --status written, copydesk show ID, copydesk approve ID/);
  });
});

describe("copydesk write --resume", () => {
  it("goes on with the provider the job was started with, from flags alone, and stores no key", async () => {
    const fake = await startFakeOpenAi({ text: standInCopy });
    const dataDir = tempDataDir();
    try {
      assert.equal((await run(dataDir, ["import", FIXTURE])).code, 0);
      const key = "sk-test-never-stored-0123456789";
      const flags = ["--provider", "openai", "--provider-url", fake.url, "--provider-model", FAKE_MODEL];
      fake.enqueue({ delayMs: 300 });
      const stopped = await run(
        dataDir,
        ["write", "--max-concurrency", "1", ...flags],
        { COPYDESK_PROVIDER_API_KEY: key },
        (ctrlC) => void fake.waitForRequests(1).then(ctrlC),
      );
      assert.equal(stopped.code, 130, stopped.stderr);
      // Ctrl-C cancels the request in flight: nothing is written, both products wait for the resume.
      assert.match(stopped.stdout, /cancelled: 0 written, 0 failed, 2 not yet written, of 2/);
      const jobId = /Resume with: copydesk write --resume (\S+)/.exec(stopped.stdout)?.[1];
      assert.ok(jobId, stopped.stdout);

      // No flag and no variable names the provider now: the job's own is used.
      const resumed = await run(dataDir, ["write", "--resume", jobId]);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, new RegExp(`with OpenAI-compatible model ${FAKE_MODEL} at ${fake.url}`));
      assert.match(resumed.stdout, /done: 2 written, 0 failed, 0 not yet written, of 2/);
      // The cancelled request, then one per product.
      assert.equal(fake.requests.length, 3);
      const database = readFileSync(join(dataDir, "copydesk.db"));
      assert.equal(database.includes(key), false, "the key is not in the database");
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
