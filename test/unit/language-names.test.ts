import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadCheckLibraries } from "../../src/checks/libraries.ts";
import { COMMON_LANGUAGES, commonLanguageName } from "../../src/text/language-names.ts";

describe("common language names", () => {
  it("are the names Intl.DisplayNames gives", () => {
    const intl = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    for (const code of COMMON_LANGUAGES) assert.equal(commonLanguageName(code), intl.of(code), code);
  });

  it("cover every language the checks can detect", async () => {
    const { supportedLanguages, toISO2 } = await loadCheckLibraries();
    for (const code of supportedLanguages) assert.ok(COMMON_LANGUAGES.includes(toISO2(code)), code);
  });

  it("leave other tags to ICU", () => {
    assert.equal(commonLanguageName("fr-CA"), undefined);
    assert.equal(commonLanguageName("TR"), undefined);
    assert.equal(commonLanguageName("toString"), undefined);
  });
});
