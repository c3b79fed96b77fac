import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, it } from "node:test";
import { MIGRATIONS, migrate, SchemaTooNewError } from "../../src/store/migrations.ts";
import { InvalidCursorError, type Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const provenance = { model: "m", stopReason: "endTurn", route: "client-sampling" };

describe("SQLite store", () => {
  let dir: string;
  let path: string;
  let counter: number;
  let store: Store;
  const open = () =>
    openSqliteStore({
      path,
      now: () => new Date(Date.UTC(2026, 10, 24, 0, 0, counter)),
      newId: () => `id-${++counter}`,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-store-"));
    path = join(dir, "nested", "copydesk.db");
    counter = 0;
    store = open();
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates its folder, stores a post with timestamps and reads it back", () => {
    const post = store.createPost({ title: "T", content: "C", abstract: "A", ...provenance });
    assert.deepEqual(post, {
      id: "id-1",
      title: "T",
      content: "C",
      abstract: "A",
      model: "m",
      stopReason: "endTurn",
      route: "client-sampling",
      createdAt: "2026-11-24T00:00:00.000Z",
      updatedAt: "2026-11-24T00:00:00.000Z",
    });
    assert.deepEqual(store.getPost("id-1"), post);
    assert.equal(store.getPost("id-2"), undefined);
    const { content: _content, ...summary } = post;
    assert.deepEqual(store.listPosts({ limit: 10 }).items, [summary], "lists leave the full text out");
  });

  it("keeps keywords as a list and a null stop reason as null", () => {
    const product = store.createProduct({
      title: "Mug",
      keywords: ["red", "350 ml"],
      description: "D",
      ...provenance,
      stopReason: null,
    });
    assert.deepEqual(store.getProduct(product.id)?.keywords, ["red", "350 ml"]);
    assert.equal(store.getProduct(product.id)?.stopReason, null);
  });

  it("pages newest first with an opaque cursor, and the last page has none", () => {
    for (let i = 0; i < 5; i++)
      store.createProduct({ title: `P${i}`, keywords: ["k"], description: "D", ...provenance });
    const first = store.listProducts({ limit: 2 });
    assert.deepEqual(
      first.items.map((p) => p.title),
      ["P4", "P3"],
    );
    assert.ok(first.nextCursor);
    const second = store.listProducts({ limit: 2, cursor: first.nextCursor });
    assert.deepEqual(
      second.items.map((p) => p.title),
      ["P2", "P1"],
    );
    const last = store.listProducts({ limit: 2, cursor: second.nextCursor });
    assert.deepEqual(
      last.items.map((p) => p.title),
      ["P0"],
    );
    assert.equal(last.nextCursor, undefined);
    assert.throws(() => store.listProducts({ limit: 2, cursor: "bogus" }), InvalidCursorError);
  });

  it("stores a draft and fills in its text later", () => {
    const draft = store.createProduct({
      title: "Mug",
      keywords: ["red"],
      description: null,
      model: null,
      stopReason: null,
      route: "host-model",
    });
    assert.equal(store.getProduct(draft.id)?.description, null);
    const saved = store.saveDescription(draft.id, "A red mug.", {
      model: "host",
      stopReason: null,
      route: "host-model",
    });
    assert.equal(saved?.description, "A red mug.");
    assert.equal(saved?.createdAt, draft.createdAt);
    assert.notEqual(saved?.updatedAt, draft.updatedAt);
    assert.equal(
      store.saveDescription("missing", "x", { model: "host", stopReason: null, route: "host-model" }),
      undefined,
    );
  });

  it("survives closing and reopening, in WAL mode", () => {
    store.createPost({ title: "T", content: "C", abstract: "A", ...provenance });
    store.close();
    store = open();
    assert.equal(store.listPosts({ limit: 10 }).items.length, 1);
    const db = new DatabaseSync(path);
    assert.equal((db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode, "wal");
    assert.equal(
      (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version,
      MIGRATIONS.length,
    );
    db.close();
  });

  it("two connections writing at once lose nothing", () => {
    const other = open();
    try {
      for (let i = 0; i < 20; i++) {
        store.createPost({ title: `a${i}`, content: "C", abstract: "A", ...provenance });
        other.createPost({ title: `b${i}`, content: "C", abstract: "A", ...provenance });
      }
      assert.equal(store.listPosts({ limit: 100 }).items.length, 40);
    } finally {
      other.close();
    }
  });

  it("refuses a database written by a newer copydesk", () => {
    store.close();
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(open, SchemaTooNewError);
    store = openSqliteStore({ path: ":memory:", now: () => new Date(), newId: () => "x" });
  });
});

describe("migrate", () => {
  it("upgrades a version 1 database without losing records, ids or order", () => {
    const db = new DatabaseSync(":memory:");
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec(`INSERT INTO posts (id, title, content, abstract, model, stop_reason, route, created_at, updated_at)
             VALUES ('a', 'T', 'C', 'A', 'm', NULL, 'client-sampling', 't', 't')`);
    assert.equal(migrate(db), MIGRATIONS.length);
    assert.deepEqual(
      { ...db.prepare("SELECT seq, id, abstract FROM posts").get() },
      { seq: 1, id: "a", abstract: "A" },
    );
    // Drafts (no text yet) are allowed from version 2 on.
    db.exec(
      `INSERT INTO posts (id, title, content, route, created_at, updated_at) VALUES ('b', 'T', 'C', 'host-model', 't', 't')`,
    );
    assert.equal((db.prepare("SELECT seq FROM posts WHERE id = 'b'").get() as { seq: number }).seq, 2);
    db.close();
  });

  it("applies only the missing steps and rolls back a failing one", () => {
    const db = new DatabaseSync(":memory:");
    assert.equal(migrate(db, ["CREATE TABLE a (x)"]), 1);
    assert.equal(migrate(db, ["CREATE TABLE a (x)", "CREATE TABLE b (y)"]), 2);
    assert.throws(() => migrate(db, ["CREATE TABLE a (x)", "CREATE TABLE b (y)", "CREATE TABLE a (z)"]));
    assert.equal((db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version, 2);
    db.close();
  });
});
