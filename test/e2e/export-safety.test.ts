import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  callTool,
  EXECUTABLE,
  NO_NODE_PATH,
  type RunningServer,
  startServer,
  tempDataDir,
  textOf,
} from "../support/server-process.ts";

/** Products of ~500 bytes each, as a generic CSV. */
const csvOf = (products: number) =>
  `title,keywords,notes\n${Array.from(
    { length: products },
    (_, i) => `Lamp ${i},brass; dimmable,${"warm light ".repeat(45)}\n`,
  ).join("")}`;
/** An export of about 100 KB, more than the 64 KiB disk below holds. */
const CSV = csvOf(200);

describe("export_products through the built executable (issue 19, items 1, 2, 10, 11)", () => {
  let root: string;
  let data: string;
  let server: RunningServer;
  before(async () => {
    root = tempDataDir();
    data = join(root, "data");
    server = await startServer({ dataDir: data });
    const imported = await callTool(server.client, "import_products", { csv_text: CSV });
    assert.equal(imported.isError, undefined, textOf(imported));
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const exportTo = (path: string, more: Record<string, unknown> = {}) =>
    callTool(server.client, "export_products", { format: "csv", path, ...more });
  const refused = async (path: string, why: RegExp, more: Record<string, unknown> = {}) => {
    const result = await exportTo(path, more);
    assert.equal(result.isError, true, `${path}: ${textOf(result)}`);
    assert.match(textOf(result), why);
  };

  it("the database, its journal and any file in the data folder are refused; the products stay", async () => {
    await refused(join(data, "copydesk.db"), /does not end in \.csv/);
    await refused(join(data, "copydesk.db-wal"), /does not end in \.csv/);
    await refused(join(data, "products.csv"), /inside copydesk's data folder/, { overwrite: true });
    assert.equal(readFileSync(join(data, "copydesk.db")).subarray(0, 15).toString(), "SQLite format 3");
    assert.match(textOf(await callTool(server.client, "list_products", {})), /Lamp 199/);
  });

  it("a relative path is refused with a sentence, not resolved against the server's folder", async () => {
    const name = "copydesk-relative-export-test.csv";
    await refused(name, /is a relative path: give the export file's absolute path/);
    assert.ok(!existsSync(name), "nothing written in the folder the server was started in");
  });

  it("a file copydesk did not export is replaced only with overwrite; its own export is replaced", async () => {
    const notes = join(root, "notes.csv");
    writeFileSync(notes, "keep me\n");
    await refused(notes, /already there and copydesk did not export it.*ask to overwrite it/);
    assert.equal(readFileSync(notes, "utf8"), "keep me\n");
    for (const more of [{ overwrite: true }, {}]) {
      const result = await exportTo(notes, more);
      assert.equal(result.isError, undefined, textOf(result));
      assert.match(readFileSync(notes, "utf8"), /^title,keywords,notes,[^\n]*\nLamp 0,/);
    }
  });

  it("a full disk is a sentence and leaves no file cut off", async (t) => {
    const small = join(root, "small");
    mkdirSync(small);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small]);
    if (mounted.status !== 0) {
      t.skip(`cannot mount a 64 KiB tmpfs here: ${String(mounted.stderr).trim()}`);
      return;
    }
    try {
      const result = await exportTo(join(small, "all.csv"));
      assert.equal(result.isError, true, textOf(result));
      assert.match(textOf(result), /could not write \S+all\.csv \(ENOSPC\): the disk is full/);
      assert.doesNotMatch(textOf(result), /internal error/);
      assert.deepEqual(readdirSync(small), [], "no temporary file and no cut-off export");

      const cli = spawnSync(
        EXECUTABLE,
        ["export", "--format", "csv", "--output", "all.csv", "--data-dir", data],
        { cwd: small, env: { PATH: NO_NODE_PATH }, encoding: "utf8" },
      );
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(
        cli.stderr,
        /^copydesk: export: copydesk could not write \S+all\.csv \(ENOSPC\): the disk/,
      );
      assert.deepEqual(readdirSync(small), []);
    } finally {
      execFileSync("umount", [small]);
    }
  });
});

describe("copydesk export: a relative --output is taken from the current folder; --overwrite", () => {
  it("writes there, replaces its own file, and replaces another only with --overwrite", () => {
    const root = tempDataDir();
    try {
      const data = join(root, "data");
      const run = (...args: string[]) =>
        spawnSync(EXECUTABLE, [...args, "--data-dir", data], {
          cwd: root,
          env: { PATH: NO_NODE_PATH },
          encoding: "utf8",
        });
      writeFileSync(join(root, "in.csv"), CSV);
      assert.equal(run("import", "in.csv").status, 0);
      const inside = run("export", "--format", "csv", "--output", join(data, "out.csv"));
      assert.equal(inside.status, 1);
      assert.match(inside.stderr, /inside copydesk's data folder/);
      for (let round = 0; round < 2; round++) {
        const exported = run("export", "--format", "csv", "--output", "out.csv");
        assert.equal(exported.status, 0, exported.stderr);
        assert.match(readFileSync(join(root, "out.csv"), "utf8"), /^title,keywords,notes,/);
      }
      writeFileSync(join(root, "mine.csv"), "mine\n");
      const refused = run("export", "--format", "csv", "--output", "mine.csv");
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /mine\.csv is already there and copydesk did not export it/);
      assert.equal(readFileSync(join(root, "mine.csv"), "utf8"), "mine\n");
      const asked = run("export", "--format", "csv", "--output", "mine.csv", "--overwrite");
      assert.equal(asked.status, 0, asked.stderr);
      assert.match(readFileSync(join(root, "mine.csv"), "utf8"), /^title,keywords,notes,/);
      assert.match(run("export", "--help").stdout, /relative --output is taken from[\s\S]*--overwrite /);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

it("a full disk under the database: the call says the disk is full, not that a rollback failed", async (t) => {
  const root = tempDataDir();
  const small = join(root, "small");
  mkdirSync(small);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", small]);
  if (mounted.status !== 0) {
    t.skip(`cannot mount a 1 MiB tmpfs here: ${String(mounted.stderr).trim()}`);
    rmSync(root, { recursive: true, force: true });
    return;
  }
  const server = await startServer({ dataDir: join(small, "data") });
  try {
    const first = await callTool(server.client, "create_product", { title: "Lamp", keywords: ["brass"] });
    assert.equal(first.isError, undefined, textOf(first));
    // Three times what the disk holds: the import's transaction cannot fit.
    const imported = await callTool(server.client, "import_products", { csv_text: csvOf(6000) });
    assert.equal(imported.isError, true, textOf(imported));
    assert.match(textOf(imported), /database or disk is full/);
    assert.doesNotMatch(textOf(imported), /cannot rollback|internal error/);
    assert.match(textOf(await callTool(server.client, "list_products", {})), /Lamp/);
  } finally {
    await server.close();
    execFileSync("umount", [small]);
    rmSync(root, { recursive: true, force: true });
  }
});
