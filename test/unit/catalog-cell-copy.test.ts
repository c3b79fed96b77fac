import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formulaStartCheck, startsWithFormula } from "../../src/checks/formula-start.ts";
import { cellCopy, escapeStoreText, htmlCell, plainCell } from "../../src/formats/cell-copy.ts";
import { exportCatalog } from "../../src/formats/export.ts";
import { freshHeader } from "../../src/formats/new-rows.ts";
import type { ImportedProduct } from "../../src/formats/types.ts";
import { exportText, importAll } from "./catalog-support.ts";

describe("copy as store file cells", () => {
  it("plain text for an HTML cell has its markup, shortcode brackets and backslashes as entities", () => {
    assert.equal(
      escapeStoreText(`<img src=x onerror=alert(1)> & <script>x</script> [embed]u[/embed] a\\nb "q" 'a'`),
      `&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;x&lt;/script&gt; &#91;embed&#93;u&#91;/embed&#93; a&#92;nb "q" 'a'`,
    );
  });

  it("a plain cell loses the formula characters and white space it starts with, and only those", () => {
    for (const [given, cell] of [
      ['=HYPERLINK("http://x","y")', 'HYPERLINK("http://x","y")'],
      ["+1 more", "1 more"],
      ["-20% off", "20% off"],
      ["@home mugs", "home mugs"],
      ["\t=1+1", "1+1"],
      ["\r\n =-@+cmd", "cmd"],
      [" Mug = cup - @ +", "Mug = cup - @ +"],
      ["Mug", "Mug"],
    ]) {
      assert.equal(plainCell(given as string), cell, JSON.stringify(given));
      assert.equal(startsWithFormula(cell as string), false, JSON.stringify(cell));
    }
    const starts = ["=", "+", "-", "@", "\t", "\r", " =", "a", "a=", "é"];
    assert.deepEqual(
      starts.filter((text) => startsWithFormula(text)),
      ["=", "+", "-", "@", "\t", "\r", " ="],
    );
  });

  it("the formula_start check fails copy a spreadsheet would run, and is left out for clean copy", () => {
    assert.equal(formulaStartCheck(["A mug", "Tea = joy", "mug"]), undefined);
    assert.deepEqual(formulaStartCheck(["A mug", '=HYPERLINK("http://x","a long link text here")', "@cmd"]), {
      check: "formula_start",
      ok: false,
      detail:
        '"=HYPERLINK("http://x","a long …", "@cmd" start with =, +, - or @, which a spreadsheet runs as a formula (the export drops it); start with a word',
    });
  });

  it("an HTML cell keeps its text: a leading formula character becomes its entity", () => {
    assert.equal(htmlCell("=cmd|' /C calc'!A0"), "&#61;cmd|' /C calc'!A0");
    assert.equal(htmlCell("  +1 <p>x</p>"), "&#43;1 <p>x</p>");
    assert.equal(htmlCell("-x"), "&#45;x");
    assert.equal(htmlCell("@x"), "&#64;x");
    assert.equal(htmlCell("<p>=x</p>"), "<p>=x</p>");
  });

  it("per dialect: WooCommerce escapes its short description and neutralises shortcodes; fields equal to the store's stay", () => {
    const copy = {
      description_html: "<p>[embed]u[/embed] =x</p>",
      short_description: "=1+1 <script>alert(1)</script>",
      seo_title: "@SUM(1)",
      seo_description: "-2+3",
      tags: ["=cmd", "mug", "+"],
    };
    assert.deepEqual(cellCopy("woocommerce", copy), {
      description_html: "<p>&#91;embed&#93;u&#91;/embed&#93; =x</p>",
      short_description: "&#61;1+1 &lt;script&gt;alert(1)&lt;/script&gt;",
      seo_title: "SUM(1)",
      seo_description: "2+3",
      tags: ["cmd", "mug"],
    });
    assert.deepEqual(cellCopy("shopify-current", copy), {
      description_html: "<p>[embed]u[/embed] =x</p>",
      short_description: "1+1 <script>alert(1)</script>",
      seo_title: "SUM(1)",
      seo_description: "2+3",
      tags: ["cmd", "mug"],
    });
    assert.deepEqual(cellCopy("csv", copy, copy), copy, "the store's own cells, unchanged");
  });
});

describe("export of hostile copy", () => {
  const woo =
    "ID,Type,SKU,Name,Short description,Description,Tags\n" +
    '1,simple,MUG,Mug,=1+1,"<p>Old</p>",=old\n' +
    "2,simple,CUP,Cup,=2+2,<p>Cup</p>,@cup\n";

  it("WooCommerce: copy goes out escaped and formula-free; the imported cells of a product without copy stay byte for byte", async () => {
    const imported = await importAll({ text: woo });
    const mug = imported.products[0] as ImportedProduct;
    const exported = await exportText(
      imported,
      new Map([
        [
          mug,
          {
            description_html: "<p>[embed]http://x[/embed]</p>",
            short_description: '=HYPERLINK("http://x","y") <img src=x onerror=alert(1)><script>a</script>',
            tags: ["@cmd", "mug"],
          },
        ],
      ]),
      [],
      { tags: true },
    );
    assert.equal(
      exported,
      "ID,Type,SKU,Name,Short description,Description,Tags\n" +
        '1,simple,MUG,Mug,"&#61;HYPERLINK(""http://x"",""y"") &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;a&lt;/script&gt;",<p>&#91;embed&#93;http://x&#91;/embed&#93;</p>,"cmd, mug"\n' +
        "2,simple,CUP,Cup,=2+2,<p>Cup</p>,@cup\n",
    );
  });

  it("Shopify: SEO title, SEO description and tags go out without a leading formula character", async () => {
    const imported = await importAll({
      text: "Handle,Title,Body (HTML),Tags,SEO Title,SEO Description,Variant SKU\nmug,Mug,<p>Mug</p>,,=old,,M\n",
    });
    const mug = imported.products[0] as ImportedProduct;
    const exported = await exportText(
      imported,
      new Map([
        [
          mug,
          {
            description_html: "=1+1",
            seo_title: '=HYPERLINK("http://x","y")',
            seo_description: "+cmd|' /C calc'!A0",
            tags: ["-mug"],
          },
        ],
      ]),
      [],
      { tags: true },
    );
    assert.equal(
      exported,
      "Handle,Title,Body (HTML),Tags,SEO Title,SEO Description,Variant SKU\n" +
        `mug,Mug,&#61;1+1,mug,"HYPERLINK(""http://x"",""y"")",cmd|' /C calc'!A0,M\n`,
    );
  });

  it("a product made in copydesk gets the same cells in a new WooCommerce row", async () => {
    const { chunks } = exportCatalog(
      freshHeader("woocommerce"),
      [],
      [
        {
          key: { sku: "LAMP" },
          title: "Lamp",
          keywords: [],
          copy: { description_html: "-<p>x</p>", short_description: "@x [gallery] <b>", tags: ["=t"] },
        },
      ],
      { tags: true },
    );
    let text = "";
    for await (const chunk of chunks) text += chunk;
    assert.equal(
      text,
      "ID,Type,SKU,Name,Published,Short description,Description,Categories,Tags\n" +
        ",simple,LAMP,Lamp,-1,&#64;x &#91;gallery&#93; &lt;b&gt;,&#45;<p>x</p>,,t\n",
    );
  });

  it("copy equal to the cell it replaces leaves the cell's bytes, escaped or not", async () => {
    const imported = await importAll({
      text: 'ID,Type,SKU,Name,Short description,Tags\n1,simple,MUG,Mug,"a &lt; b",=x\n',
    });
    const mug = imported.products[0] as ImportedProduct;
    const exported = await exportText(imported, new Map([[mug, { short_description: "a < b" }]]));
    assert.equal(exported, 'ID,Type,SKU,Name,Short description,Tags\n1,simple,MUG,Mug,"a &lt; b",=x\n');
  });
});
