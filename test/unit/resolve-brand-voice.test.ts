import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { describe, it } from "node:test";
import { failureMessage } from "../../src/services/failures.ts";
import { resolveBrandVoice } from "../../src/services/resolve-brand-voice.ts";
import { openBrandVoices } from "../../src/store/brand-voices.ts";
import { migrate } from "../../src/store/migrations.ts";

function voices() {
  const db = new DatabaseSync(":memory:");
  migrate(db);
  return openBrandVoices(db, () => new Date(0));
}

describe("resolveBrandVoice", () => {
  it("without a name: the default voice, or none", () => {
    const brands = voices();
    assert.equal(resolveBrandVoice(brands, undefined), undefined);
    brands.set({ name: "Plain", guidelines: "G" });
    assert.equal(resolveBrandVoice(brands, undefined), undefined);
    brands.set({ name: "Nordic Home", guidelines: "G", isDefault: true });
    assert.equal(resolveBrandVoice(brands, undefined)?.name, "Nordic Home");
  });

  it("with a name: that voice, even when another is the default", () => {
    const brands = voices();
    brands.set({ name: "Nordic Home", guidelines: "G", isDefault: true });
    brands.set({ name: "Bold Sport", guidelines: "P" });
    assert.equal(resolveBrandVoice(brands, "bold sport")?.guidelines, "P");
  });

  it("an unknown name is an expected failure that lists the stored voices", () => {
    const brands = voices();
    brands.set({ name: "Nordic Home", guidelines: "G" });
    const error = (() => {
      try {
        resolveBrandVoice(brands, "Nordik");
      } catch (caught) {
        return caught;
      }
    })();
    assert.equal(failureMessage(error), 'No brand voice named "Nordik"; the stored ones are "Nordic Home".');
  });
});
