import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { detectLayout } from "../../src/formats/layout.ts";
import { splitLineEnding, splitRawRecord } from "../../src/formats/raw-fields.ts";
import type { CopyField, ImportedProduct, ProductCopy, SourceRow } from "../../src/formats/types.ts";
import { copyFor, exportText, fixturePath, fixtureText, importAll } from "./catalog-support.ts";

const FORMAT = {
  "shopify-current": "shopify",
  "shopify-legacy": "shopify",
  woocommerce: "woocommerce",
  csv: "csv",
} as const;

function cellsOf(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
}

function copyValue(copy: ProductCopy, field: CopyField): string | undefined {
  return field === "tags" ? copy.tags?.join(", ") : copy[field];
}

/**
 * Imports a fixture, writes copy for every product, exports, and checks the export cell by cell and byte by
 * byte against the source; then imports the export and checks it reads as the same products.
 */
async function roundTrip(
  name: string,
  options: { tags?: boolean; mapping?: { title: string; keywords?: string } } = {},
) {
  const source = await fixtureText(name);
  const imported = await importAll(
    { path: fixturePath(name) },
    options.mapping ? { mapping: options.mapping } : {},
  );
  assert.ok(imported.products.length > 0);
  const copies = new Map(imported.products.map((product) => [product, copyFor(product)]));
  const exported = await exportText(imported, copies, [], { tags: options.tags === true });

  assert.equal(
    exported.startsWith("\uFEFF"),
    source.startsWith("\uFEFF"),
    "the BOM is kept or left out as in the source",
  );
  const sourceHeader = source.slice(0, source.indexOf(imported.header.raw) + imported.header.raw.length);
  const added = imported.header.dialect === "csv";
  if (!added) assert.ok(exported.startsWith(sourceHeader), "the header byte for byte");

  const header = imported.header;
  const layout = detectLayout(header.columns, {
    format: FORMAT[header.dialect as keyof typeof FORMAT],
    ...(header.mapping ? { mapping: header.mapping } : {}),
  });
  const fields = (Object.keys(layout.copyColumns) as CopyField[]).filter(
    (field) => field !== "tags" || options.tags,
  );
  const copyIndexes = new Map(fields.map((field) => [layout.copyColumns[field] as number, field]));
  const copyByRow = new Map<number, ProductCopy>();
  for (const [product, copy] of copies) copyByRow.set((product.rows[0] as SourceRow).number, copy);

  // Parsed: every cell outside the copy columns as it was; the copy columns of first rows filled.
  const before = cellsOf(source);
  const after = cellsOf(exported);
  assert.equal(after.length, before.length, "same number of records");
  for (let row = 0; row < before.length; row++) {
    const width = Math.max(before[row]?.length ?? 0, header.columns.length);
    const copy = copyByRow.get(row + 1);
    for (let column = 0; column < width; column++) {
      const field = copyIndexes.get(column);
      const expected =
        copy !== undefined && field !== undefined
          ? (copyValue(copy, field) ?? "")
          : (before[row]?.[column] ?? "");
      assert.equal(
        after[row]?.[column] ?? "",
        expected,
        `${name}: row ${row + 1}, column "${header.columns[column]}"`,
      );
    }
  }

  // Raw: every row without copy byte for byte; rows with copy keep every other cell's bytes.
  const again = await importAll({ text: exported }, options.mapping ? { mapping: options.mapping } : {});
  if (!added) assert.equal(again.header.raw, header.raw);
  assert.deepEqual(again.header.columns.slice(0, header.columns.length), header.columns);
  assert.equal(again.header.lineEnding, header.lineEnding);
  assert.equal(again.rows.length, imported.rows.length);
  for (const [index, original] of imported.rows.entries()) {
    const written = again.rows[index] as SourceRow;
    assert.equal(written.number, original.number);
    if (!copyByRow.has(original.number)) {
      assert.equal(written.raw, original.raw, `${name}: row ${original.number} byte for byte`);
      continue;
    }
    const [beforeText, beforeEnd] = splitLineEnding(original.raw);
    const [afterText, afterEnd] = splitLineEnding(written.raw);
    assert.equal(afterEnd, beforeEnd);
    const beforeCells = splitRawRecord(beforeText) as string[];
    const afterCells = splitRawRecord(afterText) as string[];
    beforeCells.forEach((cell, column) => {
      if (!copyIndexes.has(column))
        assert.equal(afterCells[column], cell, `${name}: row ${original.number} cell ${column}`);
    });
  }

  // Importing the export gives the same products, now with their new copy as the existing copy.
  // Written tags are the keywords read back; everything else must read as before.
  const strip = ({
    rows,
    keywords,
    existingDescriptionHtml,
    existingDescriptionText,
    existingShortDescriptionHtml,
    existingSeo,
    ...rest
  }: ImportedProduct) => ({
    ...rest,
    ...(options.tags ? {} : { keywords }),
    rows: rows.map((row) => row.number),
  });
  assert.deepEqual(again.products.map(strip), imported.products.map(strip));
  for (const [index, product] of again.products.entries()) {
    const copy = copyFor(imported.products[index] as ImportedProduct);
    if (layout.copyColumns.description_html !== undefined)
      assert.equal(product.existingDescriptionHtml, copy.description_html);
    if (layout.copyColumns.seo_title !== undefined) assert.equal(product.existingSeo?.title, copy.seo_title);
  }
  assert.deepEqual(
    again.items.filter((item) => item.type !== "product").map((item) => item.type),
    imported.items.filter((item) => item.type !== "product").map((item) => item.type),
  );
  return { imported, exported, again };
}

describe("catalog round trip", () => {
  it("Shopify, current dialect (BOM, CRLF, variant and image rows, a short row): only the copy cells change", async () => {
    const { imported, exported } = await roundTrip("shopify-current.csv");
    assert.equal(imported.header.dialect, "shopify-current");
    assert.equal(imported.header.lineEnding, "\r\n");
    assert.equal(imported.header.bom, true);
    assert.deepEqual(
      imported.products.map((product) => [product.key.handle, product.title, product.rows.length]),
      [
        ["linen-shirt", "Linen Shirt", 4],
        ["stoneware-mug", "Stoneware Mug", 2],
      ],
    );
    const [shirt, mug] = imported.products as [ImportedProduct, ImportedProduct];
    assert.deepEqual(shirt.keywords, ["linen", "summer"]);
    assert.deepEqual(shirt.facts, {
      vendor: "Acme",
      type: "Shirts",
      category: "Apparel & Accessories > Clothing > Shirts & Tops",
      Size: "S, M, L",
      Color: "Sand, Olive",
      weight: "S / Sand: 0.25 kg, M / Sand: 0.26 kg, L / Olive: 0.27 kg",
    });
    assert.equal(shirt.existingDescriptionText, 'Breathable linen, a "relaxed" fit.\nMade in Portugal.');
    assert.deepEqual(shirt.existingSeo, { title: "Linen Shirt | Acme" });
    assert.deepEqual(mug.facts, { vendor: "Kiln & Co", type: "Mugs", weight: "400 g", Color: "blue" });
    assert.equal(mug.existingDescriptionHtml, undefined);
    assert.ok(exported.includes('"<p>Linen Shirt, ""new"" copy.</p>\n<p>Second line.</p>"'));
  });

  it("Shopify, legacy dialect: Body (HTML), SEO Title, SEO Description; Tags only when asked", async () => {
    const { imported } = await roundTrip("shopify-legacy.csv");
    assert.equal(imported.header.dialect, "shopify-legacy");
    assert.equal(imported.header.lineEnding, "\n");
    const [boot, socks] = imported.products as [ImportedProduct, ImportedProduct];
    assert.equal(boot.rows.length, 3);
    assert.deepEqual(boot.facts, {
      vendor: "Northwind",
      type: "Boots",
      category: "Apparel & Accessories > Shoes",
      Size: "42, 43",
      Color: "Brown",
      weight: "42: 1.2 kg, 43: 1.25 kg",
    });
    assert.equal(boot.existingDescriptionHtml, "<p>Waterproof leather upper.\r\nVibram sole.</p>");
    assert.deepEqual(boot.existingSeo, { description: "Old SEO, with a comma" });
    assert.deepEqual(socks.facts, { vendor: "Northwind", type: "Socks", weight: "2.82 oz" });

    const withTags = await roundTrip("shopify-legacy.csv", { tags: true });
    assert.deepEqual(withTags.again.products[0]?.keywords, ["new", "trail boot"]);
  });

  it("WooCommerce: variations join their parent by id:N or SKU and get no copy; grouped and external are products", async () => {
    const { imported, exported } = await roundTrip("woocommerce.csv");
    assert.equal(imported.header.dialect, "woocommerce");
    assert.equal(imported.header.columns[3], "GTIN, UPC, EAN, or ISBN");
    assert.deepEqual(
      imported.products.map((product) => [product.key, product.title, product.rows.map((row) => row.number)]),
      [
        [{ sku: "HOOD", id: "10" }, "Organic Hoodie", [2, 3, 4]],
        [{ sku: "BEANIE", id: "20" }, "Rib Beanie", [5]],
        [{ sku: "SCARF", id: "21" }, 'Scarf "Nordic"', [6]],
        [{ sku: "WINTER-SET", id: "30" }, "Winter Set", [7]],
        [{ id: "40" }, "Partner Gift Card", [8]],
      ],
    );
    const hoodie = imported.products[0] as ImportedProduct;
    assert.deepEqual(hoodie.facts, {
      type: "variable",
      categories: "Clothing > Hoodies, Organic",
      weight: "0.6 kg",
      dimensions: "70 × 50 × 3 cm (length × width × height)",
      Size: "S, M",
    });
    assert.deepEqual(hoodie.keywords, ["hoodie", "organic cotton"]);
    assert.equal(hoodie.existingShortDescriptionHtml, "Soft, warm.");
    assert.deepEqual(hoodie.existingSeo, { description: "Old meta description" });
    assert.ok(exported.includes("Short: Organic Hoodie"));
    assert.ok(!exported.includes("Organic Hoodie | Shop"), "WooCommerce core has no SEO columns");
  });

  it("a generic CSV with a mapping: duplicate header names become separate facts; copy columns are added", async () => {
    const mapping = { title: "Product Name", keywords: "Features" };
    const { imported, again, exported } = await roundTrip("generic.csv", { mapping });
    assert.equal(imported.header.dialect, "csv");
    assert.deepEqual(imported.products[0]?.keywords, ["LED", "dimmable", "USB-C"]);
    assert.deepEqual(imported.products[0]?.facts, {
      Price: "39",
      Notes: "warm light",
      "Notes (2)": "first note",
    });
    assert.ok(
      exported.startsWith(
        "Product Name,Features,Price,Notes,Notes,description_html,short_description,seo_title,seo_description\n",
      ),
    );
    assert.equal(again.products[1]?.existingShortDescriptionHtml, "Short: Plant Pot");
  });
});
