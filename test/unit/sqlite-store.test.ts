import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, before, beforeEach, describe, it } from "node:test";
import { loadCopyLibraries } from "../../src/services/libraries.ts";
import { MIGRATIONS, migrate, SchemaTooNewError } from "../../src/store/migrations.ts";
import { InvalidCursorError, type NewVersion, type Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

before(() => loadCopyLibraries());

const version = (copy: Record<string, unknown>, extra: Partial<NewVersion> = {}): NewVersion => ({
  source: "generated",
  instructions: null,
  checks: [{ check: "length", ok: true, detail: "fine" }],
  copy,
  model: "m",
  stopReason: "endTurn",
  route: "client-sampling",
  ...extra,
});

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

  it("creates its folder, stores a record with its first version and reads it back", () => {
    const created = store.create(
      "product",
      { title: "Mug", handle: "mug", input: { keywords: ["red", "350 ml"] } },
      version({ description: "D" }),
    );
    assert.equal(created.id, "id-1");
    assert.equal(created.handle, "mug");
    assert.deepEqual(created.input, { keywords: ["red", "350 ml"] });
    assert.equal(created.latestVersion, 1);
    assert.deepEqual(created.current?.copy, { description: "D" });
    assert.deepEqual(created.current?.checks, [{ check: "length", ok: true, detail: "fine" }]);
    assert.deepEqual(store.get("product", "id-1"), created);
    assert.equal(store.get("post", "id-1"), undefined, "a product is not a post");
    assert.equal(store.get("product", "id-2"), undefined);
  });

  it("keeps a draft without a version until its copy is written", () => {
    const draft = store.create("post", { title: "T", handle: null, input: { content: "C" } });
    assert.equal(draft.current, undefined);
    assert.equal(draft.latestVersion, 0);
    assert.deepEqual(store.versions("post", draft.id), []);
    const written = store.addVersion("post", draft.id, version({ abstract: "A" }, { route: "host-model" }));
    assert.equal(written?.latestVersion, 1);
    assert.equal(written?.createdAt, draft.createdAt);
    assert.notEqual(written?.updatedAt, draft.updatedAt);
    assert.equal(store.addVersion("post", "missing", version({})), undefined);
  });

  it("adds versions without overwriting, and reads any of them", () => {
    const { id } = store.create("product", { title: "Mug", handle: "mug", input: {} }, version({ d: 1 }));
    store.addVersion("product", id, version({ d: 2 }, { source: "revised", instructions: "shorter" }));
    store.addVersion("product", id, version({ d: 1 }, { source: "restored", restoredFrom: 1 }));
    assert.deepEqual(store.get("product", id)?.current?.copy, { d: 1 });
    assert.deepEqual(store.get("product", id, 2)?.current?.copy, { d: 2 });
    assert.equal(store.get("product", id, 4), undefined);
    assert.deepEqual(
      store.versions("product", id)?.map((v) => [v.version, v.source, v.instructions, v.restoredFrom]),
      [
        [1, "generated", null, undefined],
        [2, "revised", "shorter", undefined],
        [3, "restored", null, 1],
      ],
    );
  });

  it("makes handles unique among a kind's records", () => {
    const handles = [1, 2, 3].map(
      (_) => store.create("product", { title: "Mug", handle: "mug", input: {} }).handle,
    );
    assert.deepEqual(handles, ["mug", "mug-2", "mug-3"]);
  });

  it("pages newest first, per kind, and refuses a cursor it did not hand out", () => {
    for (let i = 0; i < 5; i++) store.create("product", { title: `P${i}`, handle: `p${i}`, input: {} });
    store.create("post", { title: "Post", handle: null, input: { content: "C" } });
    const first = store.list("product", { limit: 2 });
    assert.deepEqual(
      first.items.map((p) => p.title),
      ["P4", "P3"],
    );
    const second = store.list("product", { limit: 2, cursor: first.nextCursor });
    assert.deepEqual(
      second.items.map((p) => p.title),
      ["P2", "P1"],
    );
    const last = store.list("product", { limit: 2, cursor: second.nextCursor });
    assert.deepEqual(
      last.items.map((p) => p.title),
      ["P0"],
    );
    assert.equal(last.nextCursor, undefined);
    const after = store.list("product", { limit: 10, cursor: store.cursorAfter(first.items[0] as never) });
    assert.equal(after.items[0]?.title, "P3", "cursorAfter continues right after a record");
    assert.throws(() => store.list("product", { limit: 1, cursor: "bogus" }), InvalidCursorError);
  });

  it("keeps images once, by their SHA-256", () => {
    const image = { sha256: "abc", mimeType: "image/png", data: new Uint8Array([1, 2, 3]) };
    store.putImage(image);
    store.putImage(image);
    assert.deepEqual(
      { ...store.getImage("abc"), data: [...(store.getImage("abc")?.data ?? [])] },
      { ...image, data: [1, 2, 3] },
    );
    assert.equal(store.getImage("nope"), undefined);
  });

  it("survives closing and reopening, in WAL mode", () => {
    store.create("post", { title: "T", handle: null, input: { content: "C" } }, version({ abstract: "A" }));
    store.close();
    store = open();
    assert.equal(store.list("post", { limit: 10 }).items.length, 1);
    const db = new DatabaseSync(path);
    assert.equal((db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode, "wal");
    assert.equal(
      (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version,
      MIGRATIONS.length,
    );
    db.close();
  });

  it("two connections writing at once lose nothing, and never share a handle or a version number", () => {
    const other = open();
    try {
      const { id } = store.create("product", { title: "Mug", handle: "mug", input: {} }, version({ n: 0 }));
      for (let i = 0; i < 20; i++) {
        store.create("product", { title: "Mug", handle: "mug", input: {} });
        other.create("product", { title: "Mug", handle: "mug", input: {} });
        store.addVersion("product", id, version({ n: i }));
        other.addVersion("product", id, version({ n: i }));
      }
      const all = store.list("product", { limit: 100 }).items;
      assert.equal(all.length, 41);
      assert.equal(new Set(all.map((p) => p.handle)).size, 41);
      assert.deepEqual(
        store.versions("product", id)?.map((v) => v.version),
        Array.from({ length: 41 }, (_, i) => i + 1),
      );
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
  it("moves a copydesk 0.1.0 database (schema 2) to records and versions without losing a thing", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-migrate-"));
    try {
      copyFileSync("test/fixtures/release-0.1.0/copydesk.db", join(dir, "copydesk.db"));
      const before = new DatabaseSync(join(dir, "copydesk.db"));
      const products = before.prepare("SELECT * FROM products ORDER BY seq").all();
      const posts = before.prepare("SELECT * FROM posts ORDER BY seq").all();
      before.close();
      const store = openSqliteStore({
        path: join(dir, "copydesk.db"),
        now: () => new Date(),
        newId: () => "new",
      });
      try {
        const migrated = store.list("product", { limit: 10 }).items.toReversed();
        assert.deepEqual(
          migrated.map((p) => [
            p.id,
            p.title,
            p.input.keywords,
            p.current?.copy.description ?? null,
            p.current?.model ?? null,
            p.createdAt,
          ]),
          products.map((p) => [
            p.id,
            p.title,
            JSON.parse(String(p.keywords)),
            p.description,
            p.model,
            p.created_at,
          ]),
        );
        for (const product of migrated.filter((p) => p.current)) {
          assert.equal(product.current?.source, "migrated");
          assert.equal(product.current?.checks, null);
        }
        const migratedPosts = store.list("post", { limit: 10 }).items.toReversed();
        assert.deepEqual(
          migratedPosts.map((p) => [
            p.id,
            p.title,
            p.input.content,
            p.current?.copy.abstract ?? null,
            p.current?.route ?? null,
          ]),
          posts.map((p) => [p.id, p.title, p.content, p.abstract, p.abstract === null ? null : p.route]),
        );
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
