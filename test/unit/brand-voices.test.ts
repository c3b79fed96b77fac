import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, it } from "node:test";
import { type BrandVoices, openBrandVoices } from "../../src/store/brand-voices.ts";
import { migrate } from "../../src/store/migrations.ts";
import type { Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const NORDIC = { name: "Nordic Home", guidelines: "Calm, warm, short sentences." };

for (const where of ["a file in a temporary folder", ":memory:"]) {
  describe(`brand voices in ${where}`, () => {
    let dir: string;
    let seconds: number;
    let store: Store;
    let brands: BrandVoices;
    const open = () =>
      openSqliteStore({
        path: where === ":memory:" ? ":memory:" : join(dir, "copydesk.db"),
        now: () => new Date(Date.UTC(2026, 10, 27, 0, 0, seconds++)),
        newId: () => "id",
      });

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "copydesk-brands-"));
      seconds = 0;
      store = open();
      brands = store.brands;
    });
    afterEach(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("creates a voice with its defaults filled in and reads it back by any case", () => {
      const { voice, created } = brands.set(NORDIC);
      assert.equal(created, true);
      assert.deepEqual(voice, {
        name: "Nordic Home",
        guidelines: "Calm, warm, short sentences.",
        example: null,
        bannedWords: [],
        language: null,
        isDefault: false,
        createdAt: "2026-11-27T00:00:00.000Z",
        updatedAt: "2026-11-27T00:00:00.000Z",
      });
      assert.deepEqual(brands.get("Nordic Home"), voice);
      assert.deepEqual(brands.get("NORDIC HOME"), voice);
      assert.deepEqual(brands.get("  nordic   home "), voice);
      assert.equal(brands.get("Nordic"), undefined);
      assert.equal(brands.getDefault(), undefined);
    });

    it("matches non-ASCII names without regard to case", () => {
      brands.set({ name: "Küche Ärger", guidelines: "G" });
      assert.equal(brands.get("KÜCHE ÄRGER")?.name, "Küche Ärger");
    });

    it("updates a voice in place: omitted fields kept, null and [] clear, the new spelling kept", () => {
      brands.set({ ...NORDIC, example: "Sample.", bannedWords: ["cheap"], language: "sv", isDefault: true });
      const kept = brands.set({ name: "nordic home", guidelines: "New guidelines." });
      assert.equal(kept.created, false);
      assert.deepEqual(kept.voice, {
        name: "nordic home",
        guidelines: "New guidelines.",
        example: "Sample.",
        bannedWords: ["cheap"],
        language: "sv",
        isDefault: true,
        createdAt: "2026-11-27T00:00:00.000Z",
        updatedAt: "2026-11-27T00:00:01.000Z",
      });
      const cleared = brands.set({ ...NORDIC, example: null, bannedWords: [], language: null });
      assert.equal(cleared.voice.example, null);
      assert.deepEqual(cleared.voice.bannedWords, []);
      assert.equal(cleared.voice.language, null);
      assert.equal(cleared.voice.isDefault, true, "isDefault omitted keeps the voice's standing");
      assert.equal(brands.list().length, 1);
    });

    it("keeps at most one default: a new default replaces the old one", () => {
      brands.set({ ...NORDIC, isDefault: true });
      brands.set({ name: "Bold Sport", guidelines: "Punchy.", isDefault: true });
      assert.equal(brands.getDefault()?.name, "Bold Sport");
      assert.equal(brands.get("Nordic Home")?.isDefault, false);
      assert.deepEqual(
        brands.list().map((voice) => [voice.name, voice.isDefault]),
        [
          ["Bold Sport", true],
          ["Nordic Home", false],
        ],
        "listed by name",
      );
      brands.set({ name: "Bold Sport", guidelines: "Punchy.", isDefault: false });
      assert.equal(brands.getDefault(), undefined, "false stops a voice being the default");
    });

    it("deleting the default leaves none; deleting a missing voice says so", () => {
      brands.set({ ...NORDIC, isDefault: true });
      brands.set({ name: "Bold Sport", guidelines: "Punchy." });
      assert.equal(brands.delete("NORDIC HOME"), true);
      assert.equal(brands.getDefault(), undefined);
      assert.equal(brands.get("Nordic Home"), undefined);
      assert.equal(brands.delete("Nordic Home"), false);
      assert.deepEqual(
        brands.list().map((voice) => voice.name),
        ["Bold Sport"],
      );
    });

    if (where !== ":memory:") {
      it("survives a restart", () => {
        brands.set({ ...NORDIC, bannedWords: ["cheap", "world-class"], isDefault: true });
        store.close();
        store = open();
        assert.deepEqual(store.brands.getDefault()?.bannedWords, ["cheap", "world-class"]);
      });
    }
  });
}

describe("brand_voices table", () => {
  it("refuses a second default even past the store, and a failed set changes nothing", () => {
    const db = new DatabaseSync(":memory:");
    migrate(db);
    const brands = openBrandVoices(db, () => new Date(0));
    brands.set({ ...NORDIC, isDefault: true });
    brands.set({ name: "Other", guidelines: "G" });
    assert.throws(
      () => db.exec("UPDATE brand_voices SET is_default = 1 WHERE is_default = 0"),
      /UNIQUE constraint failed/,
    );
    // A set that fails inside its transaction (a NOT NULL guideline) must not have cleared the default.
    assert.throws(() =>
      brands.set({ name: "Other", guidelines: null as unknown as string, isDefault: true }),
    );
    assert.equal(brands.getDefault()?.name, "Nordic Home");
    assert.equal(db.isTransaction, false);
    db.close();
  });
});
