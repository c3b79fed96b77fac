import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { parse } from "csv-parse/sync";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { FAKE_MODEL, type FakeLlmServer, startFakeOpenAi } from "../support/fake-llm-servers.ts";
import { EXECUTABLE, NO_NODE_PATH, tempDataDir } from "../support/server-process.ts";

const FIXTURE = "test/fixtures/catalog/shopify-legacy.csv";

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function copydesk(args: readonly string[], env: Record<string, string> = {}): Promise<Finished> {
  return start(args, env).done;
}

function start(
  args: readonly string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<Finished> } {
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
  const done = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

let fake: FakeLlmServer;
let dataDir: string;
before(async () => {
  fake = await startFakeOpenAi({ text: standInCopy });
  dataDir = tempDataDir();
});
after(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it("reviews on the command line: import, write, list, show, approve, export the approved copy", async () => {
  const data = ["--data-dir", join(dataDir, "data")];
  const provider = {
    COPYDESK_PROVIDER: "openai",
    COPYDESK_PROVIDER_URL: fake.url,
    COPYDESK_PROVIDER_MODEL: FAKE_MODEL,
  };
  const imported = await copydesk(["import", FIXTURE, ...data]);
  assert.equal(imported.code, 0, imported.stderr);
  const written = await copydesk(["write", ...data], provider);
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stdout, /writing 2 of 2 products with/);

  const listed = await copydesk(["list", "--status", "written", ...data]);
  assert.equal(listed.code, 0, listed.stderr);
  const lines = listed.stdout.split("\n").filter((line) => line.startsWith("- "));
  assert.equal(lines.length, 2, listed.stdout);
  const boot = /^- Trail Boot \(id (\S+), v1, written\): .+stand-in text/m.exec(listed.stdout)?.[1];
  assert.ok(boot, listed.stdout);
  assert.match(listed.stdout, /^2 products \(status written\)\. copydesk show ID shows one in full/m);

  const shown = await copydesk(["show", boot, ...data]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(
    shown.stdout,
    /^"Trail Boot" \(id \S+, copydesk:\/\/products\/\S+\): version 1 of 1, written by test-model \(provider\)/,
  );
  assert.match(shown.stdout, /^SEO title \(\d+\/60\): /m);
  assert.match(shown.stdout, new RegExp(`Next: copydesk approve ${boot} approves this copy`));

  // Only the boot is approved: the export writes its copy, the other product keeps its imported cells.
  const approved = await copydesk(["approve", boot, ...data]);
  assert.equal(approved.code, 0, approved.stderr);
  assert.match(approved.stdout, /^Approved 1 product\.\n/);
  const output = join(dataDir, "shop.csv");
  const exported = await copydesk(["export", "--format", "shopify", "--output", output, ...data]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(
    exported.stdout,
    /^Wrote .*shop\.csv .*: the copy of 1 product; \d+ copy cells changed in 1 product\.\nKept as imported \(nobody let their copy through\): 1 written\.$/m,
  );

  const [header = [], ...rows] = parse(readFileSync(output), { bom: true }) as string[][];
  const [source = [], ...sourceRows] = parse(readFileSync(FIXTURE), { bom: true }) as string[][];
  assert.deepEqual(header, source);
  const title = header.indexOf("Title");
  const body = header.indexOf("Body (HTML)");
  const firsts = rows.filter((row) => row[title] !== "");
  const bootRow = firsts.find((row) => row[title] === "Trail Boot");
  assert.match(String(bootRow?.[body]), /stand-in text from the demo model/);
  for (const row of firsts.filter((r) => r[title] !== "Trail Boot")) {
    const before = sourceRows.find((r) => r[title] === row[title]);
    assert.equal(row[body], before?.[body], `${row[title]} keeps its imported description`);
  }
  const afterwards = await copydesk(["list", ...data]);
  assert.match(afterwards.stdout, new RegExp(`^- Trail Boot \\(id ${boot}, v1, exported\\)`, "m"));
});

it("list, show and approve: --help on stdout with exit 0, a usage mistake one line on stderr with exit 2", async () => {
  for (const command of ["list", "show", "approve"]) {
    const help = await copydesk([command, "--help"]);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, new RegExp(`^Usage: copydesk ${command} `));
    assert.equal(help.stderr, "");
  }
  const top = await copydesk(["--help"]);
  assert.match(top.stdout, /copydesk list \[--status S\]/);
  const write = await copydesk(["write", "--help"]);
  assert.match(write.stdout, /copydesk approve ID\.\.\./);
  for (const args of [["approve"], ["list", "--status", "sold"], ["show"]]) {
    const result = await copydesk([...args, "--data-dir", dataDir]);
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
    assert.match(result.stderr, /^copydesk: /);
    assert.equal(result.stdout, "");
  }
});

it("write --resume JOB, as printed, goes on with the provider the job was started with by flags", async () => {
  const jobDir = tempDataDir();
  const slow = await startFakeOpenAi({ text: standInCopy });
  try {
    const data = ["--data-dir", jobDir];
    assert.equal((await copydesk(["import", FIXTURE, ...data])).code, 0);
    slow.enqueue({ delayMs: 1500 });
    const flags = ["--provider", "openai", "--provider-url", slow.url, "--provider-model", FAKE_MODEL];
    const running = start(["write", "--max-concurrency", "1", ...flags, ...data], {});
    await slow.waitForRequests(1);
    running.child.kill("SIGINT");
    const stopped = await running.done;
    assert.equal(stopped.code, 130, stopped.stderr);
    const resume = /Resume with: (copydesk write --resume \S+)/.exec(stopped.stdout)?.[1];
    assert.ok(resume, stopped.stdout);

    const args = resume.split(" ").slice(1);
    const resumed = await copydesk([...args, ...data]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /done: 2 written, 0 failed, 0 not yet written, of 2/);
    assert.equal(
      slow.requests.filter((request) => !request.aborted).length,
      2,
      "each product asked for once",
    );
  } finally {
    await slow.close();
    rmSync(jobDir, { recursive: true, force: true });
  }
});
