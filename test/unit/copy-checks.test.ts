import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { bannedWordsCheck } from "../../src/checks/banned-words.ts";
import {
  type Check,
  type CheckContext,
  compareChecks,
  failedChecks,
  runChecks,
} from "../../src/checks/index.ts";
import { keywordsCheck } from "../../src/checks/keywords.ts";
import { lengthCheck } from "../../src/checks/length.ts";
import { loadCheckLibraries } from "../../src/checks/libraries.ts";
import { seoDescriptionCheck } from "../../src/checks/seo-description.ts";
import { seoTitleCheck } from "../../src/checks/seo-title.ts";
import { productCopyBrief } from "../../src/kinds/product/brief.ts";

// The checks' libraries load on first use (libraries.ts); a tool call does this before any check.
before(() => loadCheckLibraries());

describe("keywords check", () => {
  it("asks for the language only when a keyword is not there as written", () => {
    let asked = 0;
    const german = () => {
      asked++;
      return "de";
    };
    const verbatim = keywordsCheck(["Eine rote Tasse, 350 ml."], ["Tasse", "350 ml"], german);
    assert.equal(verbatim.ok, true);
    assert.equal(asked, 0, "every keyword was there as written");
    const inflected = keywordsCheck(["Rote Tassen, 350 ml."], ["Tasse", "350 ml"], german);
    assert.deepEqual([inflected.ok, asked], [true, 1]);
    const absent = keywordsCheck(["Rote Teller."], ["Tasse"], german);
    assert.deepEqual(absent, {
      check: "keywords",
      ok: false,
      detail: 'the copy does not use the keyword "Tasse"',
    });
  });

  const cases: Array<[string, string, string, string]> = [
    ["a plural counts for the singular", "en", "Two sturdy mugs for your morning coffee.", "mug"],
    ["a hyphen counts for a space", "en", "The glaze is dishwasher-safe.", "dishwasher safe"],
    ["a space counts for a hyphen", "en", "The glaze is dishwasher safe.", "dishwasher-safe"],
    ["case does not matter", "en", "CERAMIC MUG with a wide handle.", "ceramic mug"],
    ["German plural", "de", "Zwei robuste Tassen für den Morgen.", "Tasse"],
    ["German inflected adjective", "de", "Eine spülmaschinenfeste Tasse.", "spülmaschinenfest"],
    ["French plural", "fr", "Deux tasses solides pour le matin.", "tasse"],
    ["Spanish plural", "es", "Dos tazas resistentes.", "taza"],
    ["a German compound written with a hyphen", "de", "Eine Kaffee-Tasse aus Steinzeug.", "Kaffeetasse"],
    ["a German compound written together", "de", "Zwei Kaffeetassen aus Steinzeug.", "Kaffee Tasse"],
    ["an English compound written apart", "en", "Dish washer safe glaze.", "dishwasher safe"],
  ];
  for (const [name, language, text, keyword] of cases) {
    it(name, () => {
      const check = keywordsCheck([text], [keyword], language);
      assert.equal(check.ok, true, check.detail);
    });
  }

  it("a keyword in any of the texts counts", () => {
    assert.equal(keywordsCheck(["A red mug.", "Makes a great gift."], ["gift", "red mug"], "en").ok, true);
  });

  it("names the missing keywords", () => {
    assert.deepEqual(keywordsCheck(["A red mug for coffee."], ["mug", "ceramic", "gift idea"], "en"), {
      check: "keywords",
      ok: false,
      detail: 'the copy does not use the keywords "ceramic" and "gift idea"',
    });
  });

  const near: Array<[string, string, string, string]> = [
    ["words a few apart", "fr", "Un ordinateur portable 15 pouces, léger.", "ordinateur 15 pouces"],
    ["words in another order", "en", "A mug in red, ceramic all through.", "red ceramic mug"],
    ["a German phrase reordered and inflected", "de", "Die Tasse ist rot und aus Keramik.", "rote Tasse"],
    ["an English number word", "en", "Comes as three pieces.", "3 pieces"],
    ["digits for a number word", "en", "Comes as 3 pieces.", "three pieces"],
    ["a German number word", "de", "Ein Set aus drei Tassen.", "3 Tassen"],
    ["a French number word", "fr", "Un lot de deux tasses.", "2 tasses"],
    ["a Spanish number word", "es", "Un juego de cuatro tazas.", "4 tazas"],
    ["another unit of the same amount", "de", "Die Flasche fasst 0,75 Liter.", "750 ml"],
    ["a number word with a unit", "de", "Die Kanne fasst zwei Liter.", "2 l"],
    ["an amount among the words", "en", "A 15-inch laptop sleeve.", "15 inch sleeve"],
    ["an amount written together", "en", "A mug that holds 350ml of coffee.", "mug 350 ml"],
  ];
  for (const [name, language, text, keyword] of near) {
    it(`matches ${name}`, () => {
      const check = keywordsCheck([text], [keyword], language);
      assert.equal(check.ok, true, check.detail);
    });
  }

  it("an amount in another unit is found without a language too", () => {
    assert.equal(keywordsCheck(["Die Flasche fasst 0,75 Liter."], ["750 ml"]).ok, true);
  });

  it("a multi-word keyword needs its words within a few words, in one sentence", () => {
    const apart = keywordsCheck(["A red mug. It is ceramic all through."], ["red ceramic mug"], "en");
    assert.equal(apart.ok, false);
    assert.equal(apart.detail, 'the copy does not use the keyword "red ceramic mug"');
    const far = keywordsCheck(
      ["A red mug with a wide handle and a foot that is ceramic."],
      ["red ceramic mug"],
      "en",
    );
    assert.equal(far.ok, false);
  });

  it("another number, amount or unit is not the keyword", () => {
    assert.equal(keywordsCheck(["Comes as four pieces."], ["3 pieces"], "en").ok, false);
    assert.equal(keywordsCheck(["Die Flasche fasst 0,5 Liter."], ["750 ml"], "de").ok, false);
    assert.equal(keywordsCheck(["It weighs 750 g."], ["750 ml"], "en").ok, false);
    assert.equal(
      keywordsCheck(["Un ordinateur portable 13 pouces."], ["ordinateur 15 pouces"], "fr").ok,
      false,
    );
  });

  it("each word of the keyword needs its own word in the text", () => {
    assert.equal(keywordsCheck(["A mug for tea."], ["mug mug"], "en").ok, false);
  });

  it("joining words does not match a word that merely starts the same", () => {
    assert.equal(keywordsCheck(["A tea cupboard."], ["teacup"], "en").ok, false);
  });

  it("a word inside another word does not count", () => {
    assert.equal(keywordsCheck(["A teacup for tea."], ["cup"], "en").ok, false);
  });

  it("says all keywords are in when they are", () => {
    assert.equal(keywordsCheck(["A red mug."], ["red", "mug"], "en").detail, "all 2 keywords are worked in");
  });
});

describe("length check", () => {
  it("within the range", () => {
    assert.deepEqual(lengthCheck(words(87), { min: 80, max: 120 }), {
      check: "length",
      ok: true,
      detail: "87 words; asked for 80-120",
    });
  });
  it("too long", () => {
    assert.deepEqual(lengthCheck(words(142), { min: 80, max: 120 }), {
      check: "length",
      ok: false,
      detail: "142 words; asked for 80-120",
    });
  });
  it("too short", () => {
    assert.equal(lengthCheck(words(79), { min: 80, max: 120 }).ok, false);
  });
  it("the bounds are included", () => {
    assert.equal(lengthCheck(words(80), { min: 80, max: 120 }).ok, true);
    assert.equal(lengthCheck(words(120), { min: 80, max: 120 }).ok, true);
  });
  it("punctuation and hyphenated words count as a reader counts", () => {
    assert.equal(
      lengthCheck("A dishwasher-safe mug \u2014 350 ml!\n\nReally.", { min: 1, max: 10 }).detail,
      "6 words; asked for 1-10",
    );
  });
});

describe("seo_title and seo_description checks", () => {
  it("a 75-character seo_title fails with the count", () => {
    assert.deepEqual(seoTitleCheck("x".repeat(75)), {
      check: "seo_title",
      ok: false,
      detail: "seo_title has 75 characters; at most 60",
    });
  });
  it("60 characters pass", () => {
    assert.equal(seoTitleCheck("x".repeat(60)).ok, true);
  });
  it("characters are counted, not UTF-16 units or bytes", () => {
    assert.equal(
      seoTitleCheck(`${"ä".repeat(58)}\u{1F375}`).detail,
      "seo_title has 59 characters; at most 60",
    );
  });
  it("an empty seo_title fails", () => {
    assert.deepEqual(seoTitleCheck("  "), {
      check: "seo_title",
      ok: false,
      detail: "seo_title is empty; write one of at most 60 characters",
    });
  });
  it("seo_description allows 160 and not 161", () => {
    assert.equal(seoDescriptionCheck("y".repeat(160)).ok, true);
    assert.deepEqual(seoDescriptionCheck("y".repeat(161)), {
      check: "seo_description",
      ok: false,
      detail: "seo_description has 161 characters; at most 160",
    });
  });
});

describe("banned words check", () => {
  it("finds banned words case-insensitively, as whole words, inflected", () => {
    assert.deepEqual(
      bannedWordsCheck(
        ["A Revolutionary mug.", "It will elevate your mornings."],
        ["revolutionary", "elevate", "cheap"],
        "en",
      ),
      {
        check: "banned_words",
        ok: false,
        detail: 'the copy uses the banned words "revolutionary" and "elevate"',
      },
    );
  });
  it("an inflected form counts", () => {
    assert.equal(bannedWordsCheck(["It elevates every morning."], ["elevate"], "en").ok, false);
  });
  it("a banned phrase counts only as a phrase", () => {
    assert.equal(
      bannedWordsCheck(["A game for the whole family; it can change the day."], ["game changer"], "en").ok,
      true,
    );
    assert.equal(bannedWordsCheck(["A real game-changer."], ["game changer"], "en").ok, false);
  });
  it("part of a word is not the word", () => {
    assert.equal(bannedWordsCheck(["Best for class-leading scratch resistance."], ["ass"], "en").ok, true);
  });
  const compared: Array<[string, string, string, string]> = [
    ["an English comparative", "en", "Cheaper than any other mug.", "cheap"],
    ["an English superlative", "en", "The cheapest mug in town.", "cheap"],
    ["a doubled consonant", "en", "Bigger and better.", "big"],
    ["an adjective ending in e", "en", "A nicer way to start the day.", "nice"],
    ["y written as i", "en", "Easier to clean.", "easy"],
    ["a phrase with a compared word", "en", "The best value, lower prices.", "low price"],
    ["a German comparative", "de", "Günstiger als je zuvor.", "günstig"],
    ["a German superlative", "de", "Die billigsten Tassen.", "billig"],
    ["a Dutch comparative", "nl", "Goedkoper dan ooit.", "goedkoop"],
    ["a Norwegian comparative", "nb", "Billigere enn noen gang.", "billig"],
  ];
  for (const [name, language, text, banned] of compared) {
    it(`${name} counts`, () => {
      assert.equal(bannedWordsCheck([text], [banned], language).ok, false);
    });
  }
  it("a word that merely starts with a banned word is not it", () => {
    assert.equal(
      bannedWordsCheck(["A cheapskate's mug, with a bigot's glaze."], ["cheap", "big"], "en").ok,
      true,
    );
  });
  it("says so when none is used", () => {
    assert.deepEqual(bannedWordsCheck(["A red mug."], ["cheap"], "en"), {
      check: "banned_words",
      ok: true,
      detail: "no banned words are used",
    });
  });
});

describe("runChecks", () => {
  const context: CheckContext = {
    title: "Red ceramic mug",
    keywords: ["ceramic mug", "dishwasher safe"],
    facts: { capacity: "350 ml" },
    length: { min: 20, max: 60 },
    bannedWords: ["cheap"],
    language: "en",
  };
  const description =
    "This red ceramic mug holds 350 ml of coffee and sits well in the hand. The glaze is dishwasher-safe, so it is ready for tomorrow morning without any fuss at all.";

  it("runs every check in order and passes good copy", () => {
    const checks = runChecks(
      {
        body: description,
        texts: [description, "Red mug"],
        seoTitle: "Red ceramic mug, 350 ml",
        seoDescription: "A red mug.",
      },
      context,
    );
    assert.deepEqual(
      checks.map((check) => check.check),
      ["keywords", "length", "seo_title", "seo_description", "banned_words", "invented_specs", "language"],
    );
    assert.deepEqual(failedChecks(checks), [], JSON.stringify(checks));
  });

  it("reports each failure", () => {
    const bad = "A cheap mug that holds 500 ml.";
    const checks = runChecks({ body: bad, texts: [bad], seoTitle: "x".repeat(75) }, context);
    assert.deepEqual(
      failedChecks(checks).map((check) => check.check),
      ["keywords", "length", "seo_title", "banned_words", "invented_specs"],
    );
  });

  it("finds a banned word in the tags, and only banned words there", () => {
    const checks = runChecks(
      { body: description, texts: [description], tags: ["cheap mugs", "gift", "500 ml"] },
      { ...context, bannedWords: ["cheap"] },
    );
    assert.deepEqual(
      failedChecks(checks).map((check) => check.check),
      ["banned_words"],
    );
    assert.equal(
      checks.find((check) => check.check === "banned_words")?.detail,
      'the copy uses the banned word "cheap"',
    );
  });

  it("leaves out checks that have nothing to check", () => {
    const checks = runChecks(
      { body: "A mug.", texts: ["A mug."] },
      { title: "Mug", keywords: [], facts: {}, bannedWords: [] },
    );
    assert.deepEqual(
      checks.map((check) => check.check),
      ["invented_specs"],
    );
  });

  it("matches inflections in the asked language", () => {
    const body = "Zwei robuste Tassen aus Steinzeug.";
    const checks = runChecks(
      { body, texts: [body] },
      { ...context, keywords: ["Tasse"], language: "de-AT", length: undefined },
    );
    assert.equal(checks.find((check) => check.check === "keywords")?.ok, true);
  });
});

describe("runChecks without an asked language", () => {
  it("matches inflections in the language the body is written in", () => {
    const body =
      "Von Hand aus heimischem Ton gefertigt und tiefrot glasiert, liegen diese Tassen angenehm schwer in der Hand. Sie sind spülmaschinenfest.";
    const checks = runChecks(
      { body, texts: [body] },
      { title: "Tasse", keywords: ["Tasse"], facts: {}, bannedWords: [] },
    );
    assert.deepEqual(checks[0], { check: "keywords", ok: true, detail: "the keyword is worked in" });
    assert.equal(
      checks.some((check) => check.check === "language"),
      false,
    );
  });
});

describe("compareChecks", () => {
  const ok = (name: Check["check"]): Check => ({ check: name, ok: true, detail: "" });
  const failed = (name: Check["check"]): Check => ({ check: name, ok: false, detail: "" });
  it("fewer failures is better", () => {
    assert.equal(
      compareChecks([ok("length"), failed("seo_title")], [failed("length"), failed("seo_title")]),
      -1,
    );
    assert.equal(
      compareChecks([failed("length"), failed("seo_title")], [ok("length"), failed("seo_title")]),
      1,
    );
  });
  it("equal failures are equal, so the first is kept", () => {
    assert.equal(compareChecks([failed("length")], [failed("seo_title")]), 0);
    assert.equal(compareChecks([], []), 0);
  });
});

function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `word${i}`).join(" ");
}

describe("keywords check, a pathological keyword", () => {
  it("a keyword of one word repeated is decided, found or not", () => {
    const keyword = `${"a ".repeat(28)}b`;
    const text = `b ${"a ".repeat(27)}c d e f g ${"a ".repeat(40)}.`;
    assert.equal(keywordsCheck([text], [keyword], "en").ok, false);
    assert.equal(keywordsCheck([`${"a ".repeat(28)}b.`], [keyword], "en").ok, true);
  });
});

describe("the brief and the keywords check agree", () => {
  it("the brief says what the check accepts, and the check accepts it", () => {
    const { systemPrompt } = productCopyBrief(
      { title: "Mug", keywords: ["3 pieces"] },
      { brand: undefined, language: undefined },
    );
    assert.match(
      systemPrompt,
      /in one sentence, in any order, inflected, with up to three other words among them/,
    );
    assert.match(systemPrompt, /three for 3/);
    assert.match(systemPrompt, /0\.75 l for 750 ml/);
    assert.equal(keywordsCheck(["Three pieces, in a box."], ["3 pieces"], "en").ok, true);
    assert.equal(keywordsCheck(["It holds 0.75 l."], ["750 ml"], "en").ok, true);
    assert.equal(keywordsCheck(["Mugs in red: big and ceramic."], ["red ceramic mug"], "en").ok, true);
  });
});

describe("runChecks on the issue's copy, no language given", () => {
  it("passes dimensions, reordered keywords, number words and converted amounts", () => {
    const body =
      "This carafe set comes as three pieces: a carafe that holds 0.75 l and two frames in 20 x 30 and 25 x 35 cm. The glass is thick and the frames are oak, so the whole set lasts for years on a sunny windowsill.";
    const checks = runChecks(
      { body, texts: [body], tags: ["carafe", "oak"] },
      {
        title: "Carafe set",
        keywords: ["3 pieces", "750 ml", "oak frames"],
        facts: { sizes: "20 x 30 cm, 25 x 35 cm", capacity: "750 ml" },
        bannedWords: ["cheap"],
      },
    );
    assert.deepEqual(failedChecks(checks), [], JSON.stringify(checks));
  });
});
