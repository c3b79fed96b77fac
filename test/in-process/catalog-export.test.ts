import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import type { ToolName, ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { copywriter } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

type Result = Awaited<ReturnType<typeof callTool>>;
const ok = <N extends ToolName>(name: N, result: Result): ToolOutputs[N] => {
  assert.equal(result.isError, undefined, textOf(result));
  return structured(name, result);
};

type Stored = ToolOutputs["get_product"]["product"];
/** A product these tests had written: its copy is there. */
type Product = Stored & { copy: NonNullable<Stored["copy"]> };
function withCopy(product: Stored): Product {
  const { copy } = product;
  assert.ok(copy, `${product.title} has copy`);
  return { ...product, copy };
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "copydesk-export-"));
  folders.push(made);
  return made;
}

const cellsOf = (path: string) =>
  parse(readFileSync(path), { bom: true, relax_column_count: true }) as string[][];

/** A server with this fixture imported and every product written (the copywriter passes every check). */
async function written(
  fixture: string,
): Promise<{ server: InMemoryServer; products: Product[]; importId: string }> {
  const server = await startInMemory({ sampling: copywriter() });
  const imported = ok(
    "import_products",
    await callTool(server.client, "import_products", { path: resolve("test/fixtures/catalog", fixture) }),
  ).import;
  const job = ok(
    "write_catalog",
    await callTool(server.client, "write_catalog", { selection: { import_id: imported.importId } }),
  ).job;
  assert.equal(job.state, "done");
  return { server, products: (await listed(server)).map(withCopy), importId: imported.importId };
}

async function listed(server: InMemoryServer): Promise<Stored[]> {
  const ids = ok(
    "list_products",
    await callTool(server.client, "list_products", { limit: 100 }),
  ).products.map((product) => product.id);
  const products: Stored[] = [];
  for (const id of ids)
    products.push(ok("get_product", await callTool(server.client, "get_product", { id })).product);
  return products.reverse();
}

async function exportTo(server: InMemoryServer, args: Record<string, unknown>) {
  const result = await callTool(server.client, "export_products", args);
  return { exported: ok("export_products", result).export, text: textOf(result) };
}

describe("exporting again never writes old copy back", () => {
  it("a second export, with one more product approved, carries every approved and exported product's copy", async () => {
    const { server, products } = await written("woocommerce.csv");
    const dir = folder();
    try {
      const source = cellsOf(resolve("test/fixtures/catalog/woocommerce.csv"));
      const header = source[0] as string[];
      const description = header.indexOf("Description");
      const short = header.indexOf("Short description");
      const firstRows = new Map([
        ["Organic Hoodie", 1],
        ["Rib Beanie", 4],
        ['Scarf "Nordic"', 5],
        ["Winter Set", 6],
        ["Partner Gift Card", 7],
      ]);
      const byTitle = new Map(products.map((product) => [product.title, product]));
      const row = (title: string) => firstRows.get(title) as number;

      const none = await exportTo(server, { format: "woocommerce", path: join(dir, "none.csv") });
      assert.deepEqual([none.exported.products, none.exported.cellsChanged], [0, 0]);
      assert.deepEqual(none.exported.waiting, { written: 5 });
      assert.match(
        none.text,
        /No copy cell changed: none approved yet \(5 written\); approve them with approve_products, or pass include: \["written"\]/,
      );

      const first = ["Organic Hoodie", "Rib Beanie", "Winter Set"];
      ok(
        "approve_products",
        await callTool(server.client, "approve_products", {
          ids: first.map((title) => byTitle.get(title)?.id as string),
        }),
      );
      const once = await exportTo(server, { format: "woocommerce", path: join(dir, "once.csv") });
      assert.deepEqual(
        [once.exported.products, once.exported.productsChanged, once.exported.cellsChanged],
        [3, 3, 6],
        once.text,
      );
      assert.deepEqual(once.exported.waiting, { written: 2 });
      assert.match(once.text, /6 copy cells changed in 3 products/);

      // One more approved; one of the exported ones revised afterwards (its new copy nobody approved yet).
      ok(
        "approve_products",
        await callTool(server.client, "approve_products", { ids: [byTitle.get("Partner Gift Card")?.id] }),
      );
      const hoodie = byTitle.get("Organic Hoodie") as Product;
      const edited = `${String(hoodie.copy.description)} Edited by hand.`;
      ok(
        "save_product_copy",
        await callTool(server.client, "save_product_copy", {
          id: hoodie.id,
          copy: { ...hoodie.copy, description: edited, description_html: `<p>${edited}</p>` },
          model: "a person",
          edited_by_person: true,
        }),
      );
      const twice = await exportTo(server, { format: "woocommerce", path: join(dir, "twice.csv") });
      assert.deepEqual([twice.exported.products, twice.exported.productsChanged], [4, 4], twice.text);

      const a = cellsOf(join(dir, "once.csv"));
      const b = cellsOf(join(dir, "twice.csv"));
      assert.equal(a.length, source.length);
      assert.equal(b.length, source.length);
      const copied = new Set([...first, "Partner Gift Card"].map(row));
      source.forEach((cells, r) => {
        cells.forEach((cell, c) => {
          const where = `row ${r + 1}, ${header[c]}`;
          const isCopy = copied.has(r) && (c === description || c === short);
          if (!isCopy) {
            assert.equal(a[r]?.[c], cell, `${where}: as imported in the first file`);
            assert.equal(b[r]?.[c], cell, `${where}: as imported in the second file`);
          } else if (r === row("Partner Gift Card")) {
            assert.equal(a[r]?.[c], cell, `${where}: not yet approved at the first export`);
          } else {
            assert.equal(b[r]?.[c], a[r]?.[c], `${where}: the same copy again`);
            assert.notEqual(b[r]?.[c], cell, `${where}: not the imported cell`);
          }
        });
      });
      const gift = byTitle.get("Partner Gift Card") as Product;
      assert.equal(b[row("Partner Gift Card")]?.[description], gift.copy.description_html);
      assert.equal(
        b[row("Organic Hoodie")]?.[description],
        hoodie.copy.description_html,
        "the approved version",
      );

      const after = new Map((await listed(server)).map((product) => [product.title, product]));
      assert.equal(after.get("Organic Hoodie")?.status, "needs_review", "its newer copy still awaits review");
      assert.equal(after.get("Organic Hoodie")?.version, 2);
      assert.equal(after.get("Partner Gift Card")?.status, "exported");
      const exported = ok(
        "list_products",
        await callTool(server.client, "list_products", { status: "exported", limit: 100 }),
      ).products;
      assert.deepEqual(exported.map((product) => product.title).sort(), [
        "Partner Gift Card",
        "Rib Beanie",
        "Winter Set",
      ]);

      const newest = await exportTo(server, {
        format: "woocommerce",
        path: join(dir, "newest.csv"),
        include: ["needs_review"],
      });
      assert.deepEqual([newest.exported.products, newest.exported.waiting], [4, { written: 1 }]);
      assert.match(readFileSync(join(dir, "newest.csv"), "utf8"), /Edited by hand/);
      const c = cellsOf(join(dir, "newest.csv"));
      assert.notEqual(c[row("Organic Hoodie")]?.[description], a[row("Organic Hoodie")]?.[description]);
      assert.equal(c[row("Rib Beanie")]?.[description], a[row("Rib Beanie")]?.[description]);
    } finally {
      await server.close();
    }
  });

  it("an export of a file that already carries the copy says so", async () => {
    const { server, products } = await written("shopify-legacy.csv");
    const dir = folder();
    try {
      ok(
        "approve_products",
        await callTool(server.client, "approve_products", { ids: products.map((product) => product.id) }),
      );
      const first = await exportTo(server, { format: "shopify", path: join(dir, "first.csv") });
      assert.equal(first.exported.products, 2);
      ok(
        "import_products",
        await callTool(server.client, "import_products", { path: join(dir, "first.csv") }),
      );
      const again = await exportTo(server, { format: "shopify", path: join(dir, "again.csv") });
      assert.deepEqual([again.exported.products, again.exported.cellsChanged], [2, 0]);
      assert.match(again.text, /No copy cell changed: the copy that went out is what the file already had/);
      assert.equal(
        readFileSync(join(dir, "again.csv"), "utf8"),
        readFileSync(join(dir, "first.csv"), "utf8"),
      );
    } finally {
      await server.close();
    }
  });
});

for (const [fixture, dialect] of [
  ["shopify-current.csv", "shopify-current"],
  ["woocommerce.csv", "woocommerce"],
] as const) {
  describe(`a ${dialect} import as csv and jsonl`, () => {
    it("one row or line per product, with its imported fields and its copy; each imports back unchanged", async () => {
      const { server, products, importId } = await written(fixture);
      const dir = folder();
      try {
        const approved = products.slice(0, -1);
        ok(
          "approve_products",
          await callTool(server.client, "approve_products", { ids: approved.map((product) => product.id) }),
        );
        const last = products.at(-1) as Product;

        const csv = await exportTo(server, { format: "csv", path: join(dir, "out.csv") });
        assert.equal(csv.exported.convertedFrom, dialect);
        assert.deepEqual(
          [csv.exported.products, csv.exported.productsChanged],
          [approved.length, approved.length],
        );
        assert.deepEqual(csv.exported.waiting, { written: 1 });
        assert.match(csv.text, new RegExp(`converted from ${dialect}`));
        const [header, ...rows] = cellsOf(join(dir, "out.csv")) as [string[], ...string[][]];
        assert.deepEqual(header.slice(0, 10), [
          "id",
          "handle",
          "sku",
          "title",
          "keywords",
          "description_html",
          "short_description",
          "seo_title",
          "seo_description",
          "tags",
        ]);
        assert.ok(header.includes("weight"), `a column for each fact: ${header.join(", ")}`);
        const cell = (cells: string[], name: string) => cells[header.indexOf(name)] ?? "";
        assert.deepEqual(
          rows.map((cells) => cell(cells, "title")),
          products.map((product) => product.title),
          "one row per product, in file order",
        );
        rows.forEach((cells, index) => {
          const product = products[index] as Product;
          const key = ["handle", "sku", "id"].map((name) => cell(cells, name)).join("");
          assert.notEqual(key, "", `${product.title}: its store key`);
          if (product === last) {
            assert.notEqual(cell(cells, "description_html"), product.copy.description_html, "not approved");
          } else {
            assert.equal(cell(cells, "description_html"), product.copy.description_html, product.title);
            assert.equal(cell(cells, "seo_title"), product.copy.seo_title, product.title);
          }
        });
        const again = ok(
          "import_products",
          await callTool(server.client, "import_products", { path: join(dir, "out.csv") }),
        ).import;
        assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, products.length]);

        const jsonl = await exportTo(server, {
          format: "jsonl",
          path: join(dir, "out.jsonl"),
          import_id: importId,
        });
        assert.equal(jsonl.exported.convertedFrom, dialect);
        const lines = readFileSync(join(dir, "out.jsonl"), "utf8")
          .trimEnd()
          .split("\n")
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        assert.deepEqual(
          lines.map((line) => line.title),
          products.map((product) => product.title),
        );
        lines.forEach((line, index) => {
          const product = products[index] as Product;
          assert.equal(typeof line.facts, "object", product.title);
          if (product !== last)
            assert.equal(line.description_html, product.copy.description_html, product.title);
        });
        const fromJsonl = ok(
          "import_products",
          await callTool(server.client, "import_products", { path: join(dir, "out.jsonl") }),
        ).import;
        assert.deepEqual(
          [fromJsonl.created, fromJsonl.updated, fromJsonl.unchanged],
          [0, 0, products.length],
        );
      } finally {
        await server.close();
      }
    });
  });
}

describe("copy fields left empty keep the store's cells", () => {
  it("a version with only a description (a reply in prose) leaves the SEO title and description as imported", async () => {
    const server = await startInMemory();
    const dir = folder();
    try {
      const fixture = resolve("test/fixtures/catalog/shopify-current.csv");
      ok("import_products", await callTool(server.client, "import_products", { path: fixture }));
      const shirt = (await listed(server)).find((product) => product.title === "Linen Shirt") as Stored;
      ok(
        "save_product_description",
        await callTool(server.client, "save_product_description", {
          id: shirt.id,
          description: "A breathable linen shirt with a relaxed fit, made in Portugal.",
        }),
      );
      ok("approve_products", await callTool(server.client, "approve_products", { ids: [shirt.id] }));
      const out = join(dir, "shop.csv");
      const { exported } = await exportTo(server, { format: "shopify", path: out });
      assert.equal(exported.products, 1);
      const source = cellsOf(fixture);
      const header = source[0] as string[];
      const rows = cellsOf(out);
      const seoTitle = header.indexOf("SEO title");
      const seoDescription = header.indexOf("SEO description");
      assert.equal(rows[1]?.[seoTitle], "Linen Shirt | Acme");
      assert.equal(rows[1]?.[seoTitle], source[1]?.[seoTitle]);
      assert.equal(rows[1]?.[seoDescription], source[1]?.[seoDescription]);
      assert.match(rows[1]?.[header.indexOf("Description")] ?? "", /relaxed fit, made in Portugal/);
    } finally {
      await server.close();
    }
  });
});
