import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { storeCellsOf } from "../../src/formats/store-copy.ts";
import type { CatalogHeader } from "../../src/formats/types.ts";
import { loadCopyLibraries } from "../../src/services/libraries.ts";
import { copyChanges, storeCopyText } from "../../src/services/store-copy-view.ts";

const header = (
  dialect: CatalogHeader["dialect"],
  columns: string[],
  extra: Partial<CatalogHeader> = {},
): CatalogHeader => ({ dialect, columns, raw: "", bom: false, lineEnding: "\n", ...extra });

describe("the store's copy of a product, from its row", () => {
  before(() => loadCopyLibraries());

  it("WooCommerce: the description and short description cells; no SEO columns an export writes", () => {
    const woo = header("woocommerce", [
      "ID",
      "Type",
      "SKU",
      "Name",
      "Short description",
      "Description",
      "Parent",
    ]);
    const cells = storeCellsOf(
      woo,
      '7,simple,MUG-1,Mug,"<p>Short, <em>sweet</em>.</p>","<p>One.</p><ul><li>Two &amp; three.</li></ul>",\r\n',
    );
    assert.deepEqual(cells, {
      description: "<p>One.</p><ul><li>Two &amp; three.</li></ul>",
      short_description: "<p>Short, <em>sweet</em>.</p>",
      seo_title: null,
      seo_description: null,
    });
    assert.deepEqual(storeCopyText(cells), {
      description: "One.\n\n- Two & three.",
      short_description: "Short, sweet.",
      seo_title: null,
      seo_description: null,
    });
  });

  it("a generic CSV: a field without a column is empty (its export adds the column), not unknown", () => {
    const csv = header("csv", ["title", "description_html"], {
      mapping: { title: "title", description: "description_html" },
    });
    assert.deepEqual(storeCellsOf(csv, "Mug,Old text\n"), {
      description: "Old text",
      short_description: "",
      seo_title: "",
      seo_description: "",
    });
  });

  it("JSON Lines: the record's fields; a line that does not parse has empty copy", () => {
    const jsonl = header("jsonl", []);
    assert.deepEqual(
      storeCellsOf(jsonl, '{"title":"Mug","description":"Plain text","seo_title":" Mug | Shop "}\n'),
      { description: "Plain text", short_description: "", seo_title: "Mug | Shop", seo_description: "" },
    );
    assert.deepEqual(storeCellsOf(jsonl, "{not json"), {
      description: "",
      short_description: "",
      seo_title: "",
      seo_description: "",
    });
  });

  it("names the fields that change, white space aside, and never one the store has no column for", () => {
    const store = {
      description: "A red mug.\n\n- Holds 350 ml.",
      short_description: null,
      seo_title: "Red mug",
      seo_description: "",
    };
    const copy = {
      description: "A red mug.",
      description_html: "<p>A red mug.</p>\n<ul><li>Holds   350 ml.</li></ul>",
      short_description: "New short text",
      seo_title: "Red Mug | Shop",
      seo_description: "",
    };
    assert.deepEqual(copyChanges(copy, store), ["seo_title"]);
    assert.deepEqual(copyChanges({ ...copy, seo_description: "Meta" }, store), [
      "seo_title",
      "seo_description",
    ]);
  });

  it("a field the copy leaves empty changes nothing: the export keeps the store's cell", () => {
    const store = {
      description: "A red mug.",
      short_description: null,
      seo_title: "Red mug | Shop",
      seo_description: "A red mug for coffee.",
    };
    const prose = { description: "A bright red mug for the morning.", seo_title: "", seo_description: "" };
    assert.deepEqual(copyChanges(prose, store), ["description"]);
  });
});
