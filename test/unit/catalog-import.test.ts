import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ByteSource, fileBytes } from "../../src/formats/byte-source.ts";
import { CatalogFileError } from "../../src/formats/errors.ts";
import { openCatalogFile } from "../../src/formats/import.ts";
import { fixturePath, importAll } from "./catalog-support.ts";

async function failure(
  source: { text: string } | { bytes: ByteSource },
  options = {},
): Promise<CatalogFileError> {
  try {
    const opened = await openCatalogFile(
      "text" in source ? once(Buffer.from(source.text)) : source.bytes,
      options,
    );
    for await (const _ of opened.items);
  } catch (error) {
    assert.ok(error instanceof CatalogFileError, `expected a CatalogFileError, got ${String(error)}`);
    assert.match(error.message, /Nothing was imported\.$/);
    return error;
  }
  assert.fail("the import should have failed");
}

async function* once(...chunks: Buffer[]): ByteSource {
  yield* chunks;
}

const SHOPIFY = "Title,URL handle,Description,Option1 name,Option1 value\n";

describe("catalog import: files that are not product files fail whole, with a sentence", () => {
  it("binary files: a workbook, and NUL bytes further in", async () => {
    const xlsx = await failure({ bytes: once(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])) });
    assert.equal(xlsx.problem, "binary");
    assert.match(xlsx.message, /Excel workbook.*CSV UTF-8/);
    const nul = await failure({
      bytes: once(Buffer.from(SHOPIFY), Buffer.alloc(5000, "a"), Buffer.from([0, 1, 2])),
    });
    assert.equal(nul.problem, "binary");
    assert.match(nul.message, /NUL byte at byte/);
  });

  it("text that is not UTF-8, even when a character is cut between chunks elsewhere", async () => {
    const latin1 = await failure({ bytes: once(Buffer.from(`${SHOPIFY}Caf\xe9,cafe\n`, "latin1")) });
    assert.equal(latin1.problem, "not-utf8");
    const euro = Buffer.from(`${SHOPIFY}Caf€ Mug,mug\n`);
    const cut = euro.indexOf(0xe2) + 1;
    const opened = await openCatalogFile(once(euro.subarray(0, cut), euro.subarray(cut)));
    const titles = [];
    for await (const item of opened.items) if (item.type === "product") titles.push(item.product.title);
    assert.deepEqual(titles, ["Caf€ Mug"]);
  });

  it("a file that cannot be read", async () => {
    const missing = await failure({ bytes: fileBytes("/nonexistent/products.csv") });
    assert.equal(missing.problem, "unreadable");
    assert.equal(
      missing.message,
      "Cannot read /nonexistent/products.csv: there is no such file. Nothing was imported.",
    );
  });

  it("empty files: no bytes, a BOM alone, blank lines", async () => {
    for (const text of ["", "\uFEFF", "\n\r\n  \n"]) {
      const error = await failure({ text });
      assert.equal(error.problem, "empty");
      assert.equal(error.message, "The file is empty. Nothing was imported.");
    }
  });

  it("unbalanced quotes name the row and the line where the open cell starts", async () => {
    const error = await failure({
      text: `${SHOPIFY}Shirt,shirt,"<p>ok</p>",,\nMug,mug,"<p>never closed\nmore\n`,
    });
    assert.equal(error.problem, "malformed");
    assert.match(error.message, /unbalanced: a quoted cell in row 3 \(starting on line 3\) is never closed/);
  });

  it("a 50 MB cell fails at the row bound, without reading the cell whole", async () => {
    let pulled = 0;
    async function* huge(): ByteSource {
      yield Buffer.from(`${SHOPIFY}Shirt,shirt,"`);
      const block = Buffer.alloc(1024 * 1024, "x");
      for (let i = 0; i < 50; i++, pulled++) yield block;
      yield Buffer.from('",,\n');
    }
    const error = await failure({ bytes: huge() });
    assert.equal(error.problem, "too-large");
    assert.match(error.message, /row 2 \(starting on line 2\) is larger than 2 MiB/);
    assert.ok(pulled < 25, `read ${pulled} MiB of the cell`);
  });

  it("an unknown layout without a mapping, and a mapping or dialect with no title column", async () => {
    const unknown = await failure({ text: "Product Name,Features\nLamp,LED\n" });
    assert.equal(unknown.problem, "unknown-layout");
    assert.match(unknown.message, /"Product Name", "Features".*mapping such as \{"title": "Product Name"/);
    const noTitle = await failure(
      { text: "Product Name,Features\nLamp,LED\n" },
      { mapping: { title: "Name" } },
    );
    assert.equal(noTitle.problem, "no-title");
    const shopifyWithout = await failure({ text: "URL handle,Description\nlamp,x\n" });
    assert.equal(shopifyWithout.problem, "no-title");
    assert.match(shopifyWithout.message, /no "Title" column/);
    const wrongFormat = await failure({ text: "Product Name,Features\nLamp,LED\n" }, { format: "shopify" });
    assert.match(wrongFormat.message, /not a Shopify product CSV/);
    const semicolons = await failure({ text: "Product Name;Features\nLamp;LED\n" });
    assert.match(semicolons.message, /separates its columns with semicolons/);
    const notJsonl = await failure({ text: "{not json\n" });
    assert.equal(notJsonl.problem, "not-jsonl");
  });
});

describe("catalog import: rows", () => {
  it("rejected rows are reported with their number and reason while the rest imports", async () => {
    const text = `${SHOPIFY}Shirt,shirt,,,\n,,no handle,,\n,cap,no title,,\n,cap,,,\nMug,mug,,,\n\n`;
    const { items } = await importAll({ text });
    assert.deepEqual(
      items.map((item) =>
        item.type === "product"
          ? ["product", item.product.title]
          : item.type === "rejected"
            ? ["rejected", item.row.number, item.reason]
            : [item.type, item.type === "blank" ? item.row.number : 0],
      ),
      [
        ["rejected", 3, "has no URL handle"],
        ["product", "Shirt"],
        ["rejected", 4, 'row 4 starts product "cap" but has no Title'],
        ["rejected", 5, 'belongs to product "cap", rejected at row 4'],
        ["blank", 7],
        ["product", "Mug"],
      ],
    );
  });

  it("rows away from their product are attached to it by key", async () => {
    const shopify = await importAll({ text: `${SHOPIFY}Shirt,shirt,,Size,S\nMug,mug,,,\n,shirt,,,M\n` });
    assert.deepEqual(shopify.items.at(-1), {
      type: "attached",
      to: { handle: "shirt" },
      rows: [{ number: 4, raw: ",shirt,,,M\n", cells: ["", "shirt", "", "", "M"] }],
    });
    const woo = await importAll({
      text: "ID,Type,SKU,Name,Parent,Short description\n1,variable,HAT,Hat,,\n2,simple,MUG,Mug,,\n3,variation,HAT-S,Hat S,HAT,\n4,variation,X,X,id:1,\n5,variation,Y,Y,,\n",
    });
    assert.deepEqual(
      woo.items.map((item) =>
        item.type === "attached" ? item.to : item.type === "rejected" ? item.reason : item.type,
      ),
      ["product", { sku: "HAT" }, { id: "1" }, "is a variation with no Parent", "product"],
    );
  });

  it("JSON Lines: one product a line, other fields as facts, a bad line rejected", async () => {
    const { header, products } = await importAll({ path: fixturePath("products.jsonl") });
    assert.equal(header.dialect, "jsonl");
    assert.deepEqual(
      products.map((product) => [product.key, product.title, product.keywords, product.facts]),
      [
        [{ sku: "TEA-1" }, "Green Tea", ["sencha", "organic"], { weight: "100 g" }],
        [{ handle: "kettle" }, "Kettle", ["steel", "1.5 l"], { origin: "Japan" }],
      ],
    );
    const { items } = await importAll({ text: '{"title":"A"}\n{oops\n{"name":"B"}' });
    assert.deepEqual(
      items.map((item) => (item.type === "rejected" ? item.reason : item.type)),
      ["product", "is not valid JSON", "product"],
    );
  });

  it("copydesk's own CSV layout (a title column) needs no mapping", async () => {
    const own = await importAll({
      text: 'handle,title,keywords,description_html,colour\nlamp,Lamp,"LED, dimmable",<p>x</p>,red\n',
    });
    assert.deepEqual(own.products[0]?.key, { handle: "lamp" });
    assert.deepEqual(own.products[0]?.keywords, ["LED", "dimmable"]);
    assert.deepEqual(own.products[0]?.facts, { colour: "red" });
    assert.equal(own.products[0]?.existingDescriptionText, "x");
  });
});
