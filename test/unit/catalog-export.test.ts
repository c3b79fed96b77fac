import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { writeFileAtomically } from "../../src/formats/atomic-file.ts";
import { CatalogExportError } from "../../src/formats/errors.ts";
import { exportCatalog } from "../../src/formats/export.ts";
import { freshHeader, type NewProduct } from "../../src/formats/new-rows.ts";
import type { Dialect, ImportedProduct } from "../../src/formats/types.ts";
import { copyFor, exportText, fixturePath, importAll } from "./catalog-support.ts";

const lamp: NewProduct = {
  key: { sku: "LAMP-1" },
  title: "Desk Lämp",
  keywords: ["LED", "dimmable"],
  facts: { vendor: "Brightly", categories: "Lighting" },
  copy: {
    description_html: '<p>A lamp, "bright".</p>\n<p>Dimmable.</p>',
    short_description: "Bright, dimmable.",
    seo_title: "Desk Lamp | Brightly",
    seo_description: "A dimmable LED desk lamp.",
    tags: ["lamp"],
  },
};

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe("catalog export", () => {
  const folders: string[] = [];
  after(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  for (const dialect of ["shopify-current", "shopify-legacy", "woocommerce", "csv", "jsonl"] as Dialect[]) {
    it(`a product made in copydesk, with no source file, exports as ${dialect} and imports back`, async () => {
      const { chunks, summary } = exportCatalog(freshHeader(dialect), [], [lamp], { tags: true });
      const written = await text(chunks);
      assert.equal(summary.productsAdded, 1);
      const { header, products } = await importAll({ text: written });
      assert.equal(header.dialect, dialect);
      const [product] = products;
      assert.equal(product?.title, "Desk Lämp");
      assert.equal(product?.existingDescriptionHtml, lamp.copy.description_html);
      if (dialect === "shopify-current" || dialect === "shopify-legacy") {
        assert.deepEqual(product?.key, { handle: "desk-lamp" });
        assert.deepEqual(product?.existingSeo, {
          title: "Desk Lamp | Brightly",
          description: "A dimmable LED desk lamp.",
        });
        assert.equal(product?.facts.vendor, "Brightly");
        assert.match(written, /,draft/);
      }
      if (dialect === "woocommerce") {
        assert.deepEqual(product?.key, { sku: "LAMP-1" });
        assert.equal(product?.existingShortDescriptionHtml, "Bright, dimmable.");
        assert.equal(product?.facts.categories, "Lighting");
        assert.match(written, /\n,simple,LAMP-1,Desk Lämp,-1,/, "a draft in WooCommerce's importer");
      }
      if (dialect === "csv" || dialect === "jsonl") {
        assert.deepEqual(product?.key, { sku: "LAMP-1" });
        assert.deepEqual(product?.keywords, ["LED", "dimmable"]);
      }
    });
  }

  it("new products are appended to a store file in its dialect and line endings, after a last row without one", async () => {
    const source = "\uFEFFHandle,Title,Body (HTML),Variant SKU,SEO Title\r\nmug,Mug,,M-1,";
    const imported = await importAll({ text: source });
    const exported = await exportText(imported, new Map(), [lamp]);
    assert.equal(
      exported,
      `${source}\r\ndesk-lamp,Desk Lämp,"<p>A lamp, ""bright"".</p>\n<p>Dimmable.</p>",LAMP-1,Desk Lamp | Brightly\r\n`,
    );
  });

  it("a header without a copy column is reported, and no column is added to a store file", async () => {
    const imported = await importAll({ text: "Handle,Title,Body (HTML)\nmug,Mug,\n" });
    const { chunks, summary } = exportCatalog(
      imported.header,
      imported.rows.map((row) => ({ raw: row.raw, copy: lamp.copy })),
    );
    assert.equal(
      await text(chunks),
      'Handle,Title,Body (HTML)\nmug,Mug,"<p>A lamp, ""bright"".</p>\n<p>Dimmable.</p>"\n',
    );
    assert.deepEqual(summary.fieldsWithoutColumn, ["seo_title", "seo_description"]);
  });

  it("a first row shorter than the header is filled out to the copy columns; its own cells keep their bytes", async () => {
    const imported = await importAll({
      text: 'Handle,Title,Body (HTML),Vendor,SEO Title,SEO Description\r\nmug,"Mug",\r\n',
    });
    const mug = imported.products[0] as ImportedProduct;
    const exported = await exportText(
      imported,
      new Map([[mug, { description_html: "<p>Mug</p>", seo_title: "Mug" }]]),
    );
    assert.equal(
      exported,
      'Handle,Title,Body (HTML),Vendor,SEO Title,SEO Description\r\nmug,"Mug",<p>Mug</p>,,Mug\r\n',
    );
  });

  it("a row quoted loosely (a quote inside an unquoted cell) is rewritten whole, its cells unchanged", async () => {
    const imported = await importAll({ text: 'title,size,description_html\nTV,55" screen,old\n' });
    const tv = imported.products[0] as ImportedProduct;
    const exported = await exportText(imported, new Map([[tv, { description_html: "new" }]]));
    assert.equal(
      exported,
      'title,size,description_html,short_description,seo_title,seo_description\nTV,"55"" screen",new,,,\n',
    );
    const again = await importAll({ text: exported });
    assert.equal(again.products[0]?.facts.size, '55" screen');
  });

  it("JSON Lines: a line with copy gets its fields, other lines stay byte for byte", async () => {
    const imported = await importAll({ path: fixturePath("products.jsonl") });
    const tea = imported.products[0] as ImportedProduct;
    const exported = await exportText(imported, new Map([[tea, copyFor(tea)]]));
    const [first, second] = exported.split("\n");
    assert.equal(`${second}\n`, imported.rows[1]?.raw);
    assert.equal(JSON.parse(first as string).seo_title, "Green Tea | Shop");
    assert.equal(JSON.parse(first as string).tags, undefined, "tags only when asked");
  });

  it("writes atomically, refuses the source file unless asked, and leaves nothing behind on failure", async () => {
    const folder = await mkdtemp(join(tmpdir(), "copydesk-export-"));
    folders.push(folder);
    const source = join(folder, "products.csv");
    await writeFile(source, "old");
    async function* lines() {
      yield "a\n";
      yield "b\n";
    }
    await assert.rejects(writeFileAtomically(source, lines(), { source }), (error: unknown) => {
      assert.ok(error instanceof CatalogExportError);
      assert.match(error.message, /is the file the products were imported from/);
      return true;
    });
    assert.equal(await readFile(source, "utf8"), "old");
    const output = join(folder, "export.csv");
    assert.deepEqual(await writeFileAtomically(output, lines(), { source }), { bytes: 4 });
    assert.equal(await readFile(output, "utf8"), "a\nb\n");
    await writeFileAtomically(source, lines(), { source, overwriteSource: true });
    assert.equal(await readFile(source, "utf8"), "a\nb\n");
    async function* broken() {
      yield "partial\n";
      throw new Error("the database went away");
    }
    await assert.rejects(writeFileAtomically(output, broken()), /the database went away/);
    assert.equal(await readFile(output, "utf8"), "a\nb\n", "the old export is untouched");
    assert.deepEqual(
      (await readdir(folder)).sort(),
      ["export.csv", "products.csv"],
      "no temporary file is left",
    );
  });
});
