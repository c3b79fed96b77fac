import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { detectLanguage, languageCheck } from "../../src/checks/language.ts";
import { loadCheckLibraries } from "../../src/checks/libraries.ts";
import { textLanguage } from "../../src/checks/text-language.ts";
import { chooseLanguage } from "../../src/text/language-choice.ts";

// The checks' libraries load on first use (libraries.ts); a tool call does this before any check.
before(() => loadCheckLibraries());

const copy: Record<string, string> = {
  en: "Handmade from local clay and glazed in deep red, this mug feels solid in the hand. It is dishwasher safe and microwave safe, so it fits easily into a busy morning.",
  de: "Von Hand aus heimischem Ton gefertigt und tiefrot glasiert, liegt diese Tasse angenehm schwer in der Hand. Sie ist spülmaschinenfest und mikrowellengeeignet.",
  fr: "Façonnée à la main dans une argile locale et émaillée d'un rouge profond, cette tasse est agréable à tenir. Elle passe au lave-vaisselle et au micro-ondes.",
  es: "Hecha a mano con arcilla local y esmaltada en un rojo intenso, esta taza se siente firme en la mano. Es apta para lavavajillas y microondas.",
  it: "Realizzata a mano con argilla locale e smaltata in un rosso intenso, questa tazza è solida in mano. Va in lavastoviglie e nel microonde.",
  nl: "Met de hand gemaakt van lokale klei en diep rood geglazuurd, ligt deze mok stevig in de hand. Hij kan in de vaatwasser en de magnetron.",
  pt: "Feita à mão com argila local e vidrada num vermelho intenso, esta caneca é firme na mão. Pode ir à máquina de lavar louça e ao micro-ondes.",
};

describe("language check", () => {
  for (const [language, text] of Object.entries(copy)) {
    it(`passes ${language} copy asked for in ${language}`, () => {
      const check = languageCheck(text, language);
      assert.equal(check.ok, true, check.detail);
    });
  }

  it("compares primary subtags", () => {
    assert.equal(languageCheck(copy.fr ?? "", "fr-CA").ok, true);
    assert.equal(languageCheck(copy.pt ?? "", "pt-BR").ok, true);
  });

  it("fails English copy asked for in German, naming both", () => {
    assert.deepEqual(languageCheck(copy.en ?? "", "de"), {
      check: "language",
      ok: false,
      detail: "the text is in English (en), not in German (de) as asked",
    });
  });

  it("fails German copy asked for in French", () => {
    assert.equal(languageCheck(copy.de ?? "", "fr").ok, false);
  });

  it("does not judge a text too short to tell", () => {
    assert.deepEqual(languageCheck("Red mug, 350 ml.", "de"), {
      check: "language",
      ok: true,
      detail: "the text is too short to tell its language",
    });
  });

  it("says when it cannot recognise the asked language", () => {
    const check = languageCheck(copy.en ?? "", "tlh");
    assert.equal(check.ok, true);
    assert.equal(check.detail, "the language was not checked: copydesk cannot recognise Klingon (tlh)");
  });
});

describe("detectLanguage", () => {
  it("knows the language of descriptive titles", () => {
    assert.equal(detectLanguage("Soft merino wool socks for everyday wear"), "en");
    assert.equal(detectLanguage("Tasse à café en grès, 350 ml"), "fr");
    assert.equal(detectLanguage("Koffiemok van steengoed, 350 ml"), "nl");
    assert.equal(
      detectLanguage("Diese doppelwandige Edelstahlflasche hält Getränke stundenlang heiß."),
      "de",
    );
  });

  it("is unsure rather than wrong about short, ambiguous titles", () => {
    assert.equal(detectLanguage("Stoneware coffee mug, 350 ml"), undefined);
    assert.equal(detectLanguage("Kaffeetasse aus Steinzeug"), undefined);
    assert.equal(detectLanguage("350 ml"), undefined);
    // Low scores with a wide lead: tinyld says Turkish, Romanian, English at 0.09-0.15.
    assert.equal(detectLanguage("Red mug 350 ml"), undefined);
    assert.equal(detectLanguage("Oak cutting board oak oiled"), undefined);
    assert.equal(detectLanguage("Leather wallet for men"), undefined);
    assert.equal(detectLanguage(""), undefined);
  });
});

describe("chooseLanguage", () => {
  const catalog = () => ({ language: "fr", source: "catalog" as const });
  it("takes the call's, then the brand voice's, then the material's, then the server's, else English", () => {
    const all = { call: "es", brandVoice: "de", material: catalog, serverDefault: "it" };
    assert.deepEqual(chooseLanguage(all), { language: "es", source: "call" });
    assert.deepEqual(chooseLanguage({ ...all, call: undefined }), { language: "de", source: "brand_voice" });
    assert.deepEqual(chooseLanguage({ ...all, call: undefined, brandVoice: null }), {
      language: "fr",
      source: "catalog",
    });
    assert.deepEqual(chooseLanguage({ serverDefault: "it", material: () => undefined }), {
      language: "it",
      source: "default",
    });
    assert.deepEqual(chooseLanguage({}), { language: "en", source: "default" });
  });

  it("does not look at the material when the call or the voice decides", () => {
    let asked = 0;
    const material = () => {
      asked++;
      return undefined;
    };
    chooseLanguage({ call: "en", material });
    chooseLanguage({ brandVoice: "de", material });
    assert.equal(asked, 0);
  });
});

describe("textLanguage (a catalog's descriptions, a post)", () => {
  it("tells the language of enough running text, across several descriptions", () => {
    assert.equal(
      textLanguage([copy.de ?? "", "Ein Geschenk für alle, die ihren Kaffee gern heiß trinken."]),
      "de",
    );
    assert.equal(textLanguage(["A red mug.", "", copy.en ?? ""]), "en");
  });
  it("says nothing from fewer than 25 words, however sure the detector would be", () => {
    assert.equal(textLanguage(["Crème Brûlée Torch", "Tasse à café en grès, 350 ml"]), undefined);
    assert.equal(
      textLanguage(["Diese doppelwandige Edelstahlflasche hält Getränke stundenlang heiß."]),
      undefined,
    );
    assert.equal(textLanguage([]), undefined);
  });
});
