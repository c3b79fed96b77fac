import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inventedSpecsCheck } from "../../src/checks/invented-specs.ts";
import { perVariant, variantLabels } from "../../src/formats/variant-facts.ts";
import { importAll } from "./catalog-support.ts";

const SHOPIFY = [
  "Title,URL handle,Description,Option1 name,Option1 value,Option2 name,Option2 value,SKU,Weight value (grams),Weight unit for display,Product image URL",
  "Willow Basket,willow-basket,<p>Woven.</p>,Size,S,Color,Natural,WB-S,300,g,https://cdn.example.com/b1.jpg",
  ",willow-basket,,,M,,Natural,WB-M,420,g,",
  ",willow-basket,,,L,,Natural,WB-L,560,g,",
  ",willow-basket,,,,,,,,,https://cdn.example.com/b2.jpg",
  "Rope Basket,rope-basket,,Size,S,,,RB-S,300,g,",
  ",rope-basket,,,M,,,RB-M,300,g,",
  "",
].join("\n");

const WOOCOMMERCE = [
  "ID,Type,SKU,Name,Description,Weight (g),Length (cm),Width (cm),Height (cm),Parent,Attribute 1 name,Attribute 1 value(s)",
  '1,variable,WB,Willow Basket,<p>Woven.</p>,,40,30,20,,Size,"S, M, L"',
  "2,variation,WB-S,Willow Basket - S,,300,30,20,15,WB,Size,S",
  "3,variation,WB-M,Willow Basket - M,,420,,,,WB,Size,M",
  "4,variation,WB-L,Willow Basket - L,,560,50,35,25,WB,Size,L",
  "5,simple,MAT,Door Mat,,900,60,40,2,,,",
  "",
].join("\n");

const COPY =
  "The willow basket comes in three sizes: the small one weighs 300 g, the medium 420 g and the large 560 g.";

describe("facts of a product with variants", () => {
  for (const [name, file] of [
    ["Shopify", SHOPIFY],
    ["WooCommerce", WOOCOMMERCE],
  ] as const) {
    it(`${name}: a weight that differs by variant is given per variant, and copy stating each passes invented_specs`, async () => {
      const { products } = await importAll({ text: file });
      const basket = products[0];
      assert.equal(basket?.title, "Willow Basket");
      assert.equal(basket?.facts.weight, "S: 300 g, M: 420 g, L: 560 g");
      const sources = { title: basket.title, keywords: basket.keywords, facts: basket.facts };
      assert.equal(inventedSpecsCheck([COPY], sources).ok, true, inventedSpecsCheck([COPY], sources).detail);
      const wrong = inventedSpecsCheck(["The large one weighs 600 g."], sources);
      assert.equal(wrong.ok, false);
      assert.match(wrong.detail, /"600 g"/);
    });
  }

  it("Shopify: variants that weigh the same keep one weight; rows without a weight (images) are no variants", async () => {
    const { products } = await importAll({ text: SHOPIFY });
    assert.equal(products[1]?.facts.weight, "300 g");
  });

  it("WooCommerce: dimensions per variation, a variation without its own taking its parent's", async () => {
    const { products } = await importAll({ text: WOOCOMMERCE });
    const [basket, mat] = products;
    assert.equal(
      basket?.facts.dimensions,
      "S: 30 × 20 × 15 cm (length × width × height), M: 40 × 30 × 20 cm (length × width × height), " +
        "L: 50 × 35 × 25 cm (length × width × height)",
    );
    assert.deepEqual(mat?.facts, {
      type: "simple",
      weight: "900 g",
      dimensions: "60 × 40 × 2 cm (length × width × height)",
    });
  });

  it("labels name only the options that differ; values the same for every variant are given once", () => {
    assert.deepEqual(
      variantLabels([
        ["S", "Sand"],
        ["M", "Sand"],
        ["L", "Olive"],
      ]),
      ["S / Sand", "M / Sand", "L / Olive"],
    );
    assert.deepEqual(
      variantLabels([
        ["42", "Brown"],
        ["43", "Brown"],
      ]),
      ["42", "43"],
    );
    assert.equal(
      perVariant([
        { label: "S", value: "1 kg" },
        { label: "M", value: "" },
        { label: "L", value: "1 kg" },
      ]),
      "1 kg",
    );
    assert.equal(
      perVariant([
        { label: "", value: "1 kg" },
        { label: "", value: "2 kg" },
      ]),
      "variant 1: 1 kg, variant 2: 2 kg",
    );
    assert.equal(perVariant([]), "");
  });
});
