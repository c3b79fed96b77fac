import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inventedSpecsCheck } from "../../src/checks/invented-specs.ts";
import { parseNumber, quantitiesIn } from "../../src/checks/quantities.ts";

const sources = (facts: Record<string, string>, title = "Red mug", keywords: string[] = []) => ({
  title,
  keywords,
  facts,
});

describe("quantitiesIn", () => {
  const cases: Array<[string, string[]]> = [
    ["Holds 350ml of coffee", ["350ml"]],
    ["20 x 30 x 10 cm", ["20 x 30 x 10 cm", "20 x 30 x 10 cm", "20 x 30 x 10 cm"]],
    ["ships in 2-3 weeks", ["2-3 weeks", "2-3 weeks"]],
    ["a 5-year warranty", ["5-year"]],
    ["a 1,000 mAh battery at 60 W, 2x faster", ["1,000 mAh", "60 W", "2x"]],
    ['a 12" pizza, 40% off, 100 % cotton', ['12"', "40%", "100 %"]],
    ["only €19.99", ["€19.99"]],
    ["up to 60°C", ["60°C"]],
    ["12 Monate Garantie", ["12 Monate"]],
    ["2 in 1 design with 3 mugs, A4 size, model X200", []],
    ["5G and 4G networks, 1M downloads", []],
    ["18/10 stainless steel, 18/8 Edelstahl", ["18/10", "18/8"]],
    ["open 24/7, rated 4/5 stars, since 12/10", []],
    ["a 2 g sachet and 1 m cable", ["2 g", "1 m"]],
    ["20x30 cm", ["20x30 cm", "20x30 cm"]],
    ["20 × 30 × 5 cm", ["20 × 30 × 5 cm", "20 × 30 × 5 cm", "20 × 30 × 5 cm"]],
    ["3x stronger", ["3x"]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      assert.deepEqual(
        quantitiesIn(text).map((quantity) => quantity.text),
        expected,
      );
    });
  }
});

describe("quantitiesIn, dimension lists", () => {
  const keys = (text: string) => quantitiesIn(text).map((quantity) => quantity.key);
  it("every side of every group takes the unit written at the end of the list", () => {
    assert.deepEqual(keys("20 x 30 and 25 x 35 cm"), ["0.2 m", "0.3 m", "0.25 m", "0.35 m"]);
    assert.deepEqual(keys("20 × 30, 25 × 35 oder 30 × 40 cm"), [
      "0.2 m",
      "0.3 m",
      "0.25 m",
      "0.35 m",
      "0.3 m",
      "0.4 m",
    ]);
  });
  it("the x between two numbers is never a multiplier", () => {
    assert.equal(
      quantitiesIn("20 x 30").every((quantity) => quantity.unitless),
      true,
    );
    assert.deepEqual(keys("20 x 30"), ["20 (no unit)", "30 (no unit)"]);
  });
});

describe("parseNumber", () => {
  it("reads thousands and decimal separators either way", () => {
    assert.deepEqual(
      ["1,000", "1.000", "1,5", "1.5", "0,750", "1.234,56", "1,234.56", "350"].map(parseNumber),
      [1000, 1000, 1.5, 1.5, 0.75, 1234.56, 1234.56, 350],
    );
  });
});

describe("invented specs check", () => {
  it("facts say 350 ml and the copy says 500 ml", () => {
    assert.deepEqual(inventedSpecsCheck(["This mug holds 500 ml."], sources({ capacity: "350 ml" })), {
      check: "invented_specs",
      ok: false,
      detail: '"500 ml" is not in the title, keywords or facts; state only the facts given',
    });
  });

  const backed: Array<[string, string, Record<string, string>]> = [
    ["spacing differs", "Holds 350ml.", { capacity: "350 ml" }],
    ["another unit of the same amount", "Holds 0.35 l.", { capacity: "350 ml" }],
    ["a decimal comma", "Fasst 1,5 Liter.", { capacity: "1.5 l" }],
    ["a unit alias", "Holds 1.5 litres.", { capacity: "1.5 liter" }],
    ["months for a year", "With a 12-month warranty.", { warranty: "1 year" }],
    ["a dimension list", "It is 10 cm tall and 8 cm wide.", { size: "10 x 8 cm" }],
    ["a bare number in a fact", "Holds 350 ml.", { "capacity (ml)": "350" }],
    ["a number in the title", "Our 350 ml mug.", {}],
    ["thousands written differently", "A 1.000 mAh battery.", { battery: "1,000 mAh" }],
  ];
  for (const [name, text, facts] of backed) {
    it(`passes when ${name}`, () => {
      const title = name === "a number in the title" ? "Red mug, 350ml" : "Red mug";
      const check = inventedSpecsCheck([text], sources(facts, title));
      assert.equal(check.ok, true, check.detail);
    });
  }

  const sizes = sources({ sizes: "20 x 30 cm, 25 x 35 cm" });
  const dimensions: Array<[string, string]> = [
    ["a list with the unit at its end", "Available in 20 x 30 and 25 x 35 cm."],
    ["the list as the facts write it", "Available in 20 x 30 cm, 25 x 35 cm."],
    ["sides written together", "The small one is 20x30 cm."],
    ["a multiplication sign", "The large one is 25 × 35 cm."],
    ["sides without a unit", "Choose 20 x 30 or 25 x 35."],
  ];
  for (const [name, text] of dimensions) {
    it(`dimensions pass: ${name}`, () => {
      const check = inventedSpecsCheck([text], sizes);
      assert.equal(check.ok, true, check.detail);
    });
  }

  it("passes three sides with a multiplication sign", () => {
    const check = inventedSpecsCheck(["It measures 20 × 30 × 5 cm."], sources({ size: "20 x 30 x 5 cm" }));
    assert.equal(check.ok, true, check.detail);
  });

  it("still catches an invented dimension, with or without a unit", () => {
    assert.equal(
      inventedSpecsCheck(["Available in 20 x 30 and 40 x 50 cm."], sizes).detail,
      '"40 x 50 cm" is not in the title, keywords or facts; state only the facts given',
    );
    assert.equal(
      inventedSpecsCheck(["Available in 40 x 50 and 25 x 35 cm."], sizes).detail,
      '"40 x 50 and 25 x 35 cm" is not in the title, keywords or facts; state only the facts given',
    );
    assert.equal(
      inventedSpecsCheck(["It measures 40 x 50."], sizes).detail,
      '"40 x 50" is not in the title, keywords or facts; state only the facts given',
    );
    assert.equal(inventedSpecsCheck(["It measures 25 x 35 mm."], sizes).ok, false);
  });

  it("passes per-variant facts", () => {
    const check = inventedSpecsCheck(
      ["The S weighs 300 g, the M 420 g and the L 560 g.", "From 300 g (S) to 560 g (L)"],
      sources({ weight: "S 300 g, M 420 g, L 560 g" }),
    );
    assert.equal(check.ok, true, check.detail);
    assert.equal(
      inventedSpecsCheck(["The M weighs 450 g."], sources({ weight: "S 300 g, M 420 g, L 560 g" })).ok,
      false,
    );
  });

  it("a keyword backs a number", () => {
    assert.equal(inventedSpecsCheck(["A 20 cm vase."], sources({}, "Vase", ["20 cm vase"])).ok, true);
  });

  it("names every invented specification once, from every text", () => {
    const check = inventedSpecsCheck(
      ["Holds 350 ml and keeps drinks hot for 12 hours.", "5-year warranty", "Keeps drinks hot for 12 hours"],
      sources({ capacity: "350 ml" }),
    );
    assert.equal(check.ok, false);
    assert.equal(
      check.detail,
      '"12 hours" and "5-year" are not in the title, keywords or facts; state only the facts given',
    );
  });

  it("names a dimension group once when one of its numbers is invented", () => {
    assert.equal(
      inventedSpecsCheck(["Measures 20 x 30 x 12 cm."], sources({ size: "20 x 30 x 10 cm" })).detail,
      '"20 x 30 x 12 cm" is not in the title, keywords or facts; state only the facts given',
    );
  });

  it("a pack count the facts do not give is invented", () => {
    assert.equal(inventedSpecsCheck(["A set of 2 x 350 ml."], sources({ capacity: "350 ml" })).ok, false);
    assert.equal(
      inventedSpecsCheck(["A set of 2 x 350 ml."], sources({ capacity: "350 ml", pieces: "2" })).ok,
      true,
    );
  });

  it("a steel grade the facts do not give is invented", () => {
    assert.equal(
      inventedSpecsCheck(["Made of 18/10 stainless steel."], sources({ material: "stainless steel" })).detail,
      '"18/10" is not in the title, keywords or facts; state only the facts given',
    );
    assert.equal(
      inventedSpecsCheck(["Made of 18/10 steel."], sources({ material: "18/10 stainless steel" })).ok,
      true,
    );
  });

  it("the same number with another unit is not backed", () => {
    assert.equal(inventedSpecsCheck(["Weighs 350 g."], sources({ capacity: "350 ml" })).ok, false);
  });

  it("an invented price or percentage counts", () => {
    assert.equal(
      inventedSpecsCheck(["Now only €19.99, 100% cotton."], sources({ material: "cotton" })).detail,
      '"€19.99" and "100%" are not in the title, keywords or facts; state only the facts given',
    );
  });

  it("copy without numbers with units passes", () => {
    assert.deepEqual(inventedSpecsCheck(["A red mug for 2 people."], sources({})), {
      check: "invented_specs",
      ok: true,
      detail: "the copy states no numbers with units",
    });
  });
});
