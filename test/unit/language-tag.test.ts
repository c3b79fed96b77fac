import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalLanguage, languageName, languageTag } from "../../src/text/language-tag.ts";

describe("language tags", () => {
  it("canonicalises well-formed tags of known languages", () => {
    assert.equal(canonicalLanguage("fr-ca"), "fr-CA");
    assert.equal(canonicalLanguage(" DE "), "de");
    assert.equal(canonicalLanguage("zh-hant-tw"), "zh-Hant-TW");
    assert.equal(canonicalLanguage("es-419"), "es-419");
  });

  it("refuses malformed tags and well-formed ones that name no language", () => {
    for (const tag of ["en_US", "x", "123", "", "klingon", "gr", "und"]) {
      assert.equal(canonicalLanguage(tag), undefined, tag);
    }
  });

  it("names languages for people, falling back to the tag", () => {
    assert.equal(languageName("fr-CA"), "Canadian French");
    assert.equal(languageName("en-u-ca-gregory"), "en-u-ca-gregory");
  });

  it("the schema reports a bad tag by name and an over-long one by length only", () => {
    assert.match(
      languageTag("language").safeParse("en_US").error?.issues[0]?.message ?? "",
      /"en_US" is not a BCP 47/,
    );
    const long = languageTag("language").safeParse("x".repeat(1000));
    assert.equal(long.error?.issues.length, 1);
    assert.match(long.error?.issues[0]?.message ?? "", /at most 35 characters/);
  });
});
