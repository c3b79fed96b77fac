import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { after, before, it } from "node:test";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { copywriter } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { seededRandom, testSeed } from "../support/seeded-random.ts";
import { callTool, textOf } from "../support/server-process.ts";

const USERS = "the user's own file\n";
let dir: string;
let server: InMemoryServer;
const data = () => join(dir, "data");
const out = () => join(dir, "out");

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-path-fuzz-"));
  mkdirSync(out());
  const store = openSqliteStore({
    path: join(data(), "copydesk.db"),
    now: () => new Date(),
    newId: newRecordId,
  });
  server = await startInMemory({ sampling: copywriter(), store });
  await callTool(server.client, "create_product", { title: "Brass lamp", keywords: ["brass"] });
  writeFileSync(join(out(), "foreign.csv"), USERS);
  symlinkSync(join(data(), "copydesk.db"), join(out(), "db.csv"));
  symlinkSync(data(), join(out(), "data-link"));
  symlinkSync("/dev/null", join(out(), "null.csv"));
  execFileSync("mkfifo", [join(out(), "fifo.csv")]);
  mkdirSync(join(out(), "folder.csv"));
});
after(async () => {
  await server.close();
  server.store.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Export paths put together at random from the pieces that broke before (the database, its journal, links to
 * it and to its folder, devices, FIFOs, folders, dotfiles, relative and `..` paths, a user's file): whatever
 * the call answers, the database, the user's file and the special files stay as they were, nothing is
 * written in the data folder, and what is written is a regular file with the layout's extension.
 */
it("a seeded fuzz of export paths never writes where it must not (issue 19, items 1 and 2)", async () => {
  const seed = testSeed(1919);
  const random = seededRandom(seed);
  const folders = () => [
    out(),
    out(),
    out(),
    data(),
    join(out(), "data-link"),
    join(out(), "folder.csv"),
    "",
    "..",
    "~",
  ];
  const names = [
    "a.csv",
    "a.csv",
    "B.CSV",
    "foreign.csv",
    "c.jsonl",
    "copydesk.db",
    "copydesk.db-wal",
    "copydesk.csv",
    "foreign.csv",
    "db.csv",
    "null.csv",
    "fifo.csv",
    "folder.csv",
    ".bashrc",
    ".hidden.csv",
    "x.csv/",
    join("..", "data", "y.csv"),
    join("..", "out", "z.csv"),
  ];
  let written = 0;
  const dbHead = readFileSync(join(data(), "copydesk.db")).subarray(0, 16);
  for (let round = 0; round < 60; round++) {
    const path = join(random.pick(folders()), random.pick(names)) + (random.chance(0.1) ? sep : "");
    const format = random.pick(["shopify", "csv", "jsonl"] as const);
    const overwrite = random.chance(0.5);
    const userFileBefore = readFileSync(join(out(), "foreign.csv"), "utf8") === USERS;
    const result = await callTool(server.client, "export_products", {
      format,
      path,
      ...(overwrite ? { overwrite } : {}),
    });
    written += result.isError === true ? 0 : 1;
    const where = `seed ${seed}, round ${round}: ${format} to ${path}: ${textOf(result)}`;
    assert.match(textOf(result), /\S/, where);
    assert.ok(readFileSync(join(data(), "copydesk.db")).subarray(0, 16).equals(dbHead), where);
    assert.ok(statSync("/dev/null").isCharacterDevice(), where);
    if (userFileBefore && !overwrite) {
      assert.equal(readFileSync(join(out(), "foreign.csv"), "utf8"), USERS, where);
    }
    assert.ok(statSync(join(out(), "fifo.csv")).isFIFO(), where);
    assert.ok(statSync(join(out(), "folder.csv")).isDirectory(), where);
    assert.deepEqual(
      readdirSync(data()).filter((name) => !/^copydesk\.db(-wal|-shm)?$/.test(name)),
      [],
      where,
    );
    if (result.isError === true) continue;
    assert.ok(isAbsolute(path), where);
    assert.ok(path.toLowerCase().endsWith(format === "jsonl" ? ".jsonl" : ".csv"), where);
    assert.ok(statSync(path).isFile(), where);
    const inData = relative(realpathSync(data()), realpathSync(path));
    assert.ok(inData.startsWith("..") || isAbsolute(inData), where);
  }
  assert.ok(written >= 5 && written <= 50, `${written} of 60 written: the fuzz reaches both answers`);
  assert.match(textOf(await callTool(server.client, "list_products", {})), /Brass lamp/);
});
