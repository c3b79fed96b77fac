import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadCopyLibraries } from "../../src/services/libraries.ts";
import { slugify, uniqueHandle } from "../../src/text/handle.ts";

before(() => loadCopyLibraries());

describe("slugify", () => {
  const cases: Array<[string, string, string]> = [
    ["an English title", "Red Ceramic Mug, 350 ml", "red-ceramic-mug-350-ml"],
    [
      "German umlauts and ß",
      "Kaffeetasse Größe XL – spülmaschinenfest!",
      "kaffeetasse-groesse-xl-spuelmaschinenfest",
    ],
    ["French accents", "Crème brûlée: bol à dessert", "creme-brulee-bol-a-dessert"],
    ["Nordic letters", "Ærø Øl-glas, Åland", "aero-ol-glas-aland"],
    ["Cyrillic", "Чашка для кофе", "chashka-dlya-kofe"],
    ["camel case stays one word", "iPhone Case", "iphone-case"],
    ["symbols become words or go", 'Mug 12" & Saucer (2-pack)', "mug-12-and-saucer-2-pack"],
    ["only symbols give the fallback", "★★★ !!!", "product"],
    ["an empty title gives the fallback", "", "product"],
    ["a script without transliteration gives the fallback", "茶杯", "product"],
  ];
  for (const [name, title, expected] of cases) {
    it(name, () => {
      assert.equal(slugify(title), expected);
    });
  }

  it("cuts a long title at a hyphen to at most 60 characters", () => {
    const handle = slugify(
      "Handmade stoneware coffee mug with a wide handle, glazed in deep red, dishwasher and microwave safe",
    );
    assert.equal(handle, "handmade-stoneware-coffee-mug-with-a-wide-handle-glazed-in");
    assert.ok(handle.length <= 60);
  });

  it("cuts one very long word hard at 60", () => {
    const handle = slugify("a".repeat(80));
    assert.equal(handle, "a".repeat(60));
  });

  it("only ever gives lower-case letters, digits and single hyphens", () => {
    for (const title of ["  --Mug--  ", "MUG_2000 / Ü", "Tasse · Café · Taza", "a\u0000b\u202Ec"]) {
      assert.match(slugify(title), /^[a-z0-9]+(?:-[a-z0-9]+)*$/, title);
    }
  });
});

describe("uniqueHandle", () => {
  it("keeps the base when it is free", () => {
    assert.equal(
      uniqueHandle("red-mug", () => false),
      "red-mug",
    );
  });

  it("appends -2, -3 ... until one is free", () => {
    const taken = new Set(["red-mug", "red-mug-2", "red-mug-3"]);
    assert.equal(
      uniqueHandle("red-mug", (handle) => taken.has(handle)),
      "red-mug-4",
    );
  });

  it("asks about each candidate in order", () => {
    const asked: string[] = [];
    uniqueHandle("mug", (handle) => {
      asked.push(handle);
      return asked.length < 3;
    });
    assert.deepEqual(asked, ["mug", "mug-2", "mug-3"]);
  });

  it("stays within 60 characters with the suffix", () => {
    const base = slugify("Handmade stoneware coffee mug with a wide handle, glazed in deep red");
    const handle = uniqueHandle(base, (candidate) => candidate === base);
    assert.ok(handle.length <= 60, handle);
    assert.match(handle, /-2$/);
    assert.equal(handle, "handmade-stoneware-coffee-mug-with-a-wide-handle-glazed-in-2");
  });

  it("cuts the base at a hyphen when the suffix would pass 60", () => {
    const base = `${"a-".repeat(29)}bb`; // 60 characters
    const handle = uniqueHandle(base, (candidate) => candidate === base);
    assert.equal(handle, `${"a-".repeat(28)}a-2`);
  });
});
