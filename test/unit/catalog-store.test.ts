import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, it } from "node:test";
import { textBytes } from "../../src/formats/byte-source.ts";
import type { CatalogHeader } from "../../src/formats/types.ts";
import { exportCatalog } from "../../src/services/export-catalog.ts";
import { importCatalog } from "../../src/services/import-catalog.ts";
import { MIGRATIONS, migrate } from "../../src/store/migrations.ts";
import type { NewVersion, Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const written = (title: string): NewVersion => ({
  source: "generated",
  instructions: null,
  checks: [],
  copy: { description_html: `<p>${title}, "new".</p>`, seo_title: `${title} | Acme` },
  model: "m",
  stopReason: "endTurn",
  route: "provider",
});

const generic = (lines: string[]) => textBytes(["Title,Keywords", ...lines].join("\n"));
const mapping = { title: "Title", keywords: "Keywords" };
const CSV_HEADER: CatalogHeader = { dialect: "csv", columns: [], raw: "", bom: false, lineEnding: "\n" };

describe("the catalog in the SQLite store", () => {
  let dir: string;
  let store: Store;
  let counter: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-catalog-store-"));
    counter = 0;
    store = openSqliteStore({
      path: join(dir, "data", "copydesk.db"),
      now: () => new Date(Date.UTC(2026, 10, 27, 0, 0, counter)),
      newId: () => `id-${++counter}`,
    });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importLines = (lines: string[]) =>
    importCatalog(store, generic(lines), { source: null, format: "csv", mapping });

  const handles = () =>
    store
      .list("product", { limit: 100 })
      .items.map((record) => [record.title, record.handle])
      .toReversed();

  it("createImported makes handles unique as create does: against stored records and within one import", () => {
    store.create("product", { title: "Mug", handle: "mug", input: {} });
    store.create("post", { title: "Mug", handle: "mug-2", input: {} });
    const importId = store.catalog.beginImport(null, CSV_HEADER);
    const seqs = store.transaction(() =>
      store.catalog.createImported(
        "product",
        ["Mug", "Mug!", "Cup"].map((title, index) => ({
          title,
          handle: index < 2 ? "mug" : "cup",
          inputJson: JSON.stringify({ keywords: [title] }),
          importId,
          sourceKey: `title:${title}`,
        })),
      ),
    );
    assert.deepEqual(handles(), [
      ["Mug", "mug"],
      ["Mug", "mug-2"],
      ["Mug!", "mug-3"],
      ["Cup", "cup"],
    ]);
    const [first] = seqs;
    const found = store.catalog.findBySourceKey("product", "title:Mug");
    assert.deepEqual(found, { seq: first, title: "Mug", input: { keywords: ["Mug"] } });
    assert.equal(store.getBySeq(first as number)?.importId, importId);
    assert.equal(store.getBySeq(first as number)?.status, "draft");
    assert.equal(store.catalog.findBySourceKey("post", "title:Mug"), undefined, "keys are per kind");
  });

  it("a Shopify handle matches its product in any case, and the stored handle stays as it was", async () => {
    const shopify = (handle: string) =>
      textBytes(`Title,URL handle,Description\nBlue Mug,${handle},<p>A mug.</p>\n`);
    const first = await importCatalog(store, shopify("Blue-Mug"), { source: null });
    const again = await importCatalog(store, shopify("blue-mug"), { source: null });
    assert.deepEqual([first.created, again.created, again.unchanged], [1, 0, 1]);
    // A record whose key was stored before keys were folded to lower case is found too.
    const importId = store.catalog.beginImport(null, CSV_HEADER);
    store.transaction(() =>
      store.catalog.createImported("product", [
        { title: "Cup", handle: "Old-Cup", inputJson: "{}", importId, sourceKey: "handle:Old-Cup" },
      ]),
    );
    const old = await importCatalog(store, textBytes("Title,URL handle\nCup,OLD-cup\n"), { source: null });
    assert.equal(old.created, 0);
    assert.deepEqual(handles(), [
      ["Blue Mug", "Blue-Mug"],
      ["Cup", "Old-Cup"],
    ]);
  });

  it("an import a killed process left staging is marked failed at the next import; a live one's stays", async () => {
    const dead = spawnSync("true").pid;
    const db = new DatabaseSync(join(dir, "data", "copydesk.db"));
    const plant = db.prepare(
      "INSERT INTO imports (id, state, header, imported_at, owner_pid) VALUES (?, 'staging', '{}', 'x', ?)",
    );
    plant.run("killed", dead ?? null);
    plant.run("running-elsewhere", process.ppid);
    db.prepare(
      "INSERT INTO import_chunks (import_id, first_number, lengths, raw) VALUES ('killed', 2, '[]', '')",
    ).run();
    db.close();
    await importLines(["Mug,red"]);
    assert.equal(store.catalog.getImport("killed")?.state, "failed");
    assert.equal(store.catalog.getImport("running-elsewhere")?.state, "staging");
    const chunks = new DatabaseSync(join(dir, "data", "copydesk.db"));
    assert.deepEqual(
      chunks.prepare("SELECT import_id FROM import_chunks WHERE import_id = 'killed'").all(),
      [],
    );
    chunks.close();
  });

  it("createImported gives each of many records (several statements' worth) its own seq and handle", () => {
    const importId = store.catalog.beginImport(null, CSV_HEADER);
    const titles = Array.from({ length: 123 }, (_, n) => `Lamp ${n}`);
    const seqs = store.transaction(() =>
      store.catalog.createImported(
        "product",
        titles.map((title) => ({
          title,
          handle: "lamp",
          inputJson: "{}",
          importId,
          sourceKey: `title:${title}`,
        })),
      ),
    );
    assert.equal(new Set(seqs).size, titles.length);
    assert.deepEqual(
      seqs.map((seq) => {
        const record = store.getBySeq(seq);
        return [record?.title, record?.handle];
      }),
      titles.map((title, n) => [title, n === 0 ? "lamp" : `lamp-${n + 1}`]),
    );
  });

  it("a product the file has twice is made once and updated by its later rows", async () => {
    const result = await importLines(["Mug,red", "Plate,white", "Mug,blue"]);
    assert.deepEqual([result.created, result.updated, result.unchanged], [2, 1, 0]);
    assert.deepEqual(handles(), [
      ["Mug", "mug"],
      ["Plate", "plate"],
    ]);
    assert.deepEqual(store.catalog.findBySourceKey("product", "title:Mug")?.input.keywords, ["blue"]);
  });

  it("an import: one handle per product even when titles make the same one; again: unchanged or updated", async () => {
    store.create("product", { title: "Mug", handle: "mug", input: {} });
    const first = await importLines(["Mug,red", "mug!,blue", "MUG?,green", "Plate,white"]);
    assert.deepEqual([first.created, first.updated, first.unchanged], [4, 0, 0]);
    assert.deepEqual(handles(), [
      ["Mug", "mug"],
      ["Mug", "mug-2"],
      ["mug!", "mug-3"],
      ["MUG?", "mug-4"],
      ["Plate", "plate"],
    ]);
    const again = await importLines(["Mug,red", "mug!,blue; navy", "MUG?,green", "Bowl,"]);
    assert.deepEqual([again.created, again.updated, again.unchanged], [1, 1, 2]);
    assert.equal(handles().length, 6, "nothing made twice");
    const blue = store.catalog.findBySourceKey("product", "title:mug!");
    assert.deepEqual(blue?.input.keywords, ["blue", "navy"]);
  });

  it("products past the memory bound are staged in the database: the same records, in file order", async () => {
    const lines = Array.from({ length: 1200 }, (_, n) => `Item ${n % 700},k${n}`);
    const held = await importLines(lines);
    const first = store.list("product", { limit: 2000 }).items.map((r) => [r.title, r.handle, r.input]);
    const spilled = await importCatalog(store, generic(lines), {
      source: null,
      format: "csv",
      mapping,
      heldText: 2000,
    });
    assert.deepEqual([held.products, held.created, held.updated], [1200, 700, 500]);
    assert.deepEqual(
      [spilled.products, spilled.created, spilled.updated, spilled.unchanged],
      [1200, 0, 1000, 200],
    );
    assert.deepEqual(
      store.list("product", { limit: 2000 }).items.map((r) => [r.title, r.handle, r.input]),
      first,
    );
    const linked = [...store.catalog.rows(spilled.importId)].map((row) => row.record?.id);
    assert.equal(linked.filter((id) => id !== undefined).length, 1200, "every row carries its product");
  });

  it("a file that fails after batches were staged imports nothing", async () => {
    const lines = Array.from({ length: 1200 }, (_, n) => `Item ${n},k${n}`);
    await assert.rejects(importLines([...lines, 'Broken,"never closed']), /quotes are unbalanced/);
    assert.equal(store.list("product", { limit: 10 }).items.length, 0);
    assert.equal(store.catalog.listImports().length, 0);
  });

  it("rows carry their record's status and the copy asked for; list filters records from files", async () => {
    const made = store.create(
      "product",
      { title: "Made here", handle: "made-here", input: {} },
      written("Made"),
    );
    const result = await importLines(["Lamp,led", "Vase,glass"]);
    const lamp = store.list("product", { limit: 10, fromFile: true }).items.find((r) => r.title === "Lamp");
    assert.ok(lamp);
    store.addVersion("product", lamp.id, written("Lamp"));
    assert.equal(
      [...store.catalog.rows(result.importId)][0]?.record?.copy,
      undefined,
      "copy nobody let through is not handed out unless its status is asked for",
    );
    const rows = [...store.catalog.rows(result.importId, ["written"])];
    assert.deepEqual(
      rows.map((row) => [row.number, row.raw, row.record?.status, row.record?.copy?.seo_title]),
      [
        [2, "Lamp,led\n", "written", "Lamp | Acme"],
        [3, "Vase,glass", "draft", undefined],
      ],
    );
    assert.equal(rows[0]?.record?.id, lamp.id);
    assert.deepEqual(
      store.list("product", { limit: 10, fromFile: false }).items.map((r) => r.id),
      [made.id],
    );
    assert.deepEqual(
      store.list("product", { limit: 10, fromFile: true, status: "written" }).items.map((r) => r.id),
      [lamp.id],
    );
  });

  it("an export writes each product's let-through or asked-for copy into its row, adds the ones made here, and marks them exported", async () => {
    const made = store.create(
      "product",
      { title: "Made here", handle: "made-here", input: {} },
      written("Made"),
    );
    store.create("product", { title: "Draft here", handle: "draft-here", input: {} });
    const result = await importLines(["Lamp,led", "Vase,glass", "Cup,tin"]);
    const byTitle = new Map(store.list("product", { limit: 10 }).items.map((r) => [r.title, r.id]));
    store.addVersion("product", byTitle.get("Lamp") as string, written("Lamp"));
    store.addVersion("product", byTitle.get("Cup") as string, written("Cup"));
    store.setStatus("product", [byTitle.get("Cup") as string], "approved");
    const path = join(dir, "out.csv");
    const exported = await exportCatalog(store, { format: "csv", path, include: ["written"] });
    assert.equal(exported.importId, result.importId);
    assert.deepEqual([exported.products, exported.added], [3, 1]);
    assert.deepEqual(exported.waiting, { draft: 2 }, "Vase and Draft here have no copy");
    const lines = readFileSync(path, "utf8").split("\n");
    assert.equal(lines[0], "Title,Keywords,description_html,short_description,seo_title,seo_description");
    assert.equal(lines[1], 'Lamp,led,"<p>Lamp, ""new"".</p>",,Lamp | Acme,');
    assert.equal(lines[2], "Vase,glass");
    assert.match(lines[3] ?? "", /^Cup,tin,"<p>Cup/, "approved copy always goes out");
    assert.match(lines[4] ?? "", /^Made here,/);
    assert.equal(store.get("product", byTitle.get("Lamp") as string)?.status, "exported");
    assert.equal(store.get("product", made.id)?.status, "exported");
    assert.equal(store.get("product", byTitle.get("Cup") as string)?.status, "exported");
    assert.equal(store.get("product", byTitle.get("Vase") as string)?.status, "draft");
  });

  it("setStatus returns the ids it changed, in the order given; drafts and unknown ids are left out", () => {
    const a = store.create("product", { title: "A", handle: "a", input: {} }, written("A"));
    const b = store.create("product", { title: "B", handle: "b", input: {} }, written("B"));
    const draft = store.create("product", { title: "C", handle: "c", input: {} });
    assert.deepEqual(store.setStatus("product", [b.id, "nope", draft.id, a.id, b.id], "approved"), [
      b.id,
      a.id,
      b.id,
    ]);
    assert.deepEqual(store.setStatus("post", [a.id], "approved"), [], "a product is not a post");
    assert.equal(store.get("product", a.id)?.status, "approved");
    assert.equal(store.get("product", draft.id)?.status, "draft");
  });

  it("a database from before import_links and row chunks keeps every row and which carries which record's copy", () => {
    store.close();
    const path = join(dir, "schema-5.db");
    const db = new DatabaseSync(path);
    migrate(db, MIGRATIONS.slice(0, 5));
    db.exec(`INSERT INTO imports (id, state, source, header, row_count, imported_at)
               VALUES ('imp', 'done', NULL, '{"dialect":"csv","columns":[],"raw":"","bom":false,"lineEnding":"\\n"}', 2, 'x');
             INSERT INTO records (kind, id, title, handle, input, created_at, updated_at, import_id)
               VALUES ('product', 'lamp', 'Lamp', 'lamp', '{}', 'x', 'x', 'imp');
             INSERT INTO import_rows (import_id, number, raw, record_seq, is_first) VALUES
               ('imp', 2, 'Lamp,led\n', 1, 1), ('imp', 3, 'Lamp,blue\n', NULL, 0), ('imp', 5, 'Cup,red', NULL, 0);`);
    db.close();
    store = openSqliteStore({ path, now: () => new Date(), newId: () => "new" });
    assert.deepEqual(
      [...store.catalog.rows("imp")].map((row) => [row.number, row.raw, row.record?.id ?? null]),
      [
        [2, "Lamp,led\n", "lamp"],
        [3, "Lamp,blue\n", null],
        [5, "Cup,red", null],
      ],
    );
  });

  it("a database from before approved versions: products approved or exported then keep that copy", () => {
    store.close();
    const path = join(dir, "schema-7.db");
    const db = new DatabaseSync(path);
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO records (kind, id, title, handle, input, created_at, updated_at, latest_version, status)
               VALUES ('product', 'a', 'A', 'a', '{}', 'x', 'x', 2, 'exported'),
                      ('product', 'b', 'B', 'b', '{}', 'x', 'x', 1, 'approved'),
                      ('product', 'c', 'C', 'c', '{}', 'x', 'x', 1, 'written');
             INSERT INTO versions (record_seq, version, source, route, copy, created_at)
               VALUES (1, 1, 'generated', 'provider', '{}', 'x'), (1, 2, 'generated', 'provider', '{}', 'x'),
                      (2, 1, 'generated', 'provider', '{}', 'x'), (3, 1, 'generated', 'provider', '{}', 'x');`);
    db.close();
    store = openSqliteStore({ path, now: () => new Date(), newId: () => "new" });
    assert.deepEqual(
      ["a", "b", "c"].map((id) => {
        const record = store.get("product", id);
        return [record?.approvedVersion, record?.exportedVersion];
      }),
      [
        [2, 2],
        [1, null],
        [null, null],
      ],
    );
  });

  it("approving records the version approved; a newer version keeps it, and only approving again moves it", () => {
    const made = store.create("product", { title: "Mug", handle: "mug", input: {} }, written("Mug"));
    assert.equal(made.approvedVersion, null);
    store.setStatus("product", [made.id], "approved");
    store.addVersion("product", made.id, written("Mug again"));
    const revised = store.get("product", made.id);
    assert.deepEqual([revised?.status, revised?.latestVersion, revised?.approvedVersion], ["written", 2, 1]);
    store.setStatus("product", [made.id], "approved");
    assert.equal(store.get("product", made.id)?.approvedVersion, 2);
  });

  it("an export at an older version (revised after approval) keeps the status and records that version", async () => {
    await importLines(["Lamp,led"]);
    const lamp = store.list("product", { limit: 1 }).items[0];
    assert.ok(lamp);
    store.addVersion("product", lamp.id, written("Lamp"));
    store.setStatus("product", [lamp.id], "approved");
    store.addVersion("product", lamp.id, written("Lamp, revised"));
    const path = join(dir, "out.csv");
    const result = await exportCatalog(store, { format: "csv", path });
    assert.equal(result.products, 1);
    assert.match(readFileSync(path, "utf8"), /<p>Lamp, ""new"".<\/p>/);
    const after = store.get("product", lamp.id);
    assert.deepEqual(
      [after?.status, after?.latestVersion, after?.approvedVersion, after?.exportedVersion],
      ["written", 2, 1, 1],
    );
  });

  it("a version added while the file was written is not marked approved or exported", async () => {
    await importLines(["Lamp,led"]);
    const lamp = store.list("product", { limit: 1 }).items[0];
    assert.ok(lamp);
    store.addVersion("product", lamp.id, written("Lamp"));
    store.setStatus("product", [lamp.id], "approved");
    // The export read version 1; a job adds version 2 before the export marks what it wrote.
    store.addVersion("product", lamp.id, written("Lamp, by a job"));
    store.catalog.markExported([{ seq: lamp.seq, version: 1 }]);
    const after = store.get("product", lamp.id);
    assert.deepEqual(
      [after?.status, after?.latestVersion, after?.approvedVersion, after?.exportedVersion],
      ["written", 2, 1, 1],
    );
  });

  it("WooCommerce: a product made here and exported before is not added again (no ID or SKU to match it)", async () => {
    const made = store.create("product", { title: "Mug", handle: "mug", input: {} }, written("Mug"));
    store.setStatus("product", [made.id], "approved");
    const first = await exportCatalog(store, { format: "woocommerce", path: join(dir, "1.csv") });
    assert.deepEqual([first.added, first.notAddedAgain], [1, 0]);
    const second = await exportCatalog(store, { format: "woocommerce", path: join(dir, "2.csv") });
    assert.deepEqual([second.added, second.notAddedAgain], [0, 1]);
    assert.doesNotMatch(readFileSync(join(dir, "2.csv"), "utf8"), /Mug/);
    const shopify = await exportCatalog(store, { format: "shopify", path: join(dir, "3.csv") });
    assert.equal(shopify.added, 1, "Shopify matches the handle: the same product, updated");
    const asked = await exportCatalog(store, {
      format: "woocommerce",
      path: join(dir, "4.csv"),
      include: ["exported"],
    });
    assert.equal(asked.added, 1);
  });
});
