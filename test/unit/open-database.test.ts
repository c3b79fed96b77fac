import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, it } from "node:test";
import { DatabaseWriteError } from "../../src/store/durability.ts";
import { migrate } from "../../src/store/migrations.ts";
import { openDatabase } from "../../src/store/open-database.ts";

describe("openDatabase", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-open-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates missing folders, several levels deep, and opens in WAL mode", () => {
    const path = join(dir, "a", "b", "c", "copydesk.db");
    const { db, readOnly, beforeWrite } = openDatabase(path, migrate);
    try {
      assert.equal(readOnly, false);
      assert.ok(statSync(path).isFile());
      assert.deepEqual({ ...db.prepare("PRAGMA journal_mode").get() }, { journal_mode: "wal" });
      beforeWrite();
    } finally {
      db.close();
    }
  });

  it("a new database gets 16 KiB pages; one made with 4 KiB pages keeps them and opens as before", () => {
    const path = join(dir, "copydesk.db");
    const fresh = openDatabase(path, migrate);
    assert.deepEqual({ ...fresh.db.prepare("PRAGMA page_size").get() }, { page_size: 16384 });
    fresh.db.close();
    const oldPath = join(dir, "old.db");
    const old = new DatabaseSync(oldPath);
    old.exec(
      "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
    );
    old.close();
    const reopened = openDatabase(oldPath, migrate);
    try {
      assert.deepEqual({ ...reopened.db.prepare("PRAGMA page_size").get() }, { page_size: 4096 });
      assert.deepEqual({ ...reopened.db.prepare("SELECT x FROM t").get() }, { x: 1 });
      assert.equal(reopened.db.prepare("SELECT count(*) AS n FROM records").get()?.n, 0, "migrated");
    } finally {
      reopened.db.close();
    }
  });

  it("a folder that cannot be made (under /proc) is an error at once, not a spin", {
    skip: process.platform !== "linux",
  }, () => {
    // Node's recursive mkdirSync loops forever here: this test would hang rather than fail.
    assert.throws(
      () => openDatabase("/proc/nope/deeper/copydesk.db", migrate),
      /cannot create the folder \/proc\/nope \(/,
    );
  });

  it("a file where the folder should be is named", () => {
    const file = join(dir, "file");
    openDatabase(file, migrate).db.close();
    assert.throws(() => openDatabase(join(file, "copydesk.db"), migrate), /is a file, not a folder/);
  });

  it("a write after the data folder was deleted is refused with a sentence, not reported as saved", () => {
    const path = join(dir, "data", "copydesk.db");
    const { db, beforeWrite } = openDatabase(path, migrate);
    try {
      beforeWrite();
      rmSync(join(dir, "data"), { recursive: true, force: true });
      assert.throws(beforeWrite, (error: unknown) => {
        assert.ok(error instanceof DatabaseWriteError);
        assert.match(error.message, /was deleted \(or its folder was\) while copydesk was running/);
        return true;
      });
    } finally {
      db.close();
    }
  });

  it("a write after the database file was replaced is refused", () => {
    const path = join(dir, "copydesk.db");
    const { db, beforeWrite } = openDatabase(path, migrate);
    try {
      copyFileSync(path, join(dir, "copy.db"));
      renameSync(join(dir, "copy.db"), path);
      assert.throws(beforeWrite, /was replaced by another file/);
    } finally {
      db.close();
    }
  });
});
