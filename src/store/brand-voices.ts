import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { immediateTransaction } from "./transaction.ts";

/** How a shop writes: applied to every product written in it. */
export interface BrandVoice {
  readonly name: string;
  /** Tone, style and word choice, in the shop's own words. */
  readonly guidelines: string;
  /** A sample of the shop's writing to imitate (its tone, never its facts). */
  readonly example: string | null;
  readonly bannedWords: readonly string[];
  /** Canonical BCP 47 tag the shop writes in unless a product says otherwise; null: the product's. */
  readonly language: string | null;
  /** The voice used when a tool is not given one; at most one voice is the default. */
  readonly isDefault: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What set() takes. On an update, an omitted field keeps its stored value and null (or an empty list)
 * clears it; isDefault omitted keeps the voice's current standing.
 */
export interface BrandVoiceInput {
  readonly name: string;
  readonly guidelines: string;
  readonly example?: string | null | undefined;
  readonly bannedWords?: readonly string[] | undefined;
  readonly language?: string | null | undefined;
  readonly isDefault?: boolean | undefined;
}

export interface BrandVoices {
  /** Creates the voice, or updates the one with the same name (any case; the new spelling is kept). */
  set(voice: BrandVoiceInput): { voice: BrandVoice; created: boolean };
  /** The name matches whatever its case. */
  get(name: string): BrandVoice | undefined;
  getDefault(): BrandVoice | undefined;
  /** Every voice, by name. */
  list(): readonly BrandVoice[];
  /** False when there is no such voice. Deleting the default leaves no default. */
  delete(name: string): boolean;
}

type Row = Record<string, SQLInputValue>;

const COLUMNS = "name, guidelines, example, banned_words, language, is_default, created_at, updated_at";

/**
 * The key names are matched by: "Nordic Home", "nordic  home" and "NORDIC HOME" are one voice. Lower
 * casing in code rather than COLLATE NOCASE, which folds only ASCII ("Küche" and "KÜCHE" would differ).
 */
export function brandVoiceKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

export function openBrandVoices(
  db: DatabaseSync,
  now: () => Date,
  inTransaction: <T>(work: () => T) => T = immediateTransaction(db),
): BrandVoices {
  const byKey = db.prepare(`SELECT ${COLUMNS} FROM brand_voices WHERE key = ?`);
  const theDefault = db.prepare(`SELECT ${COLUMNS} FROM brand_voices WHERE is_default = 1`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM brand_voices ORDER BY key`);
  const insert = db.prepare(
    `INSERT INTO brand_voices (key, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const update = db.prepare(
    `UPDATE brand_voices SET name = ?, guidelines = ?, example = ?, banned_words = ?, language = ?,
       is_default = ?, updated_at = ? WHERE key = ? RETURNING ${COLUMNS}`,
  );
  const clearDefault = db.prepare("UPDATE brand_voices SET is_default = 0 WHERE is_default = 1 AND key != ?");
  const remove = db.prepare("DELETE FROM brand_voices WHERE key = ?");

  return {
    set(input) {
      const key = brandVoiceKey(input.name);
      return inTransaction(() => {
        const existing = byKey.get(key) as Row | undefined;
        const old = existing && toBrandVoice(existing);
        const isDefault = input.isDefault ?? old?.isDefault ?? false;
        if (isDefault) clearDefault.run(key);
        const fields = [
          input.name,
          input.guidelines,
          input.example === undefined ? (old?.example ?? null) : input.example,
          JSON.stringify(input.bannedWords ?? old?.bannedWords ?? []),
          input.language === undefined ? (old?.language ?? null) : input.language,
          isDefault ? 1 : 0,
        ];
        const at = now().toISOString();
        const row = old
          ? (update.get(...fields, at, key) as Row)
          : (insert.get(key, ...fields, at, at) as Row);
        return { voice: toBrandVoice(row), created: !old };
      });
    },
    get(name) {
      const row = byKey.get(brandVoiceKey(name)) as Row | undefined;
      return row && toBrandVoice(row);
    },
    getDefault() {
      const row = theDefault.get() as Row | undefined;
      return row && toBrandVoice(row);
    },
    list() {
      return (all.all() as Row[]).map(toBrandVoice);
    },
    delete(name) {
      return inTransaction(() => Number(remove.run(brandVoiceKey(name)).changes) > 0);
    },
  };
}

function toBrandVoice(row: Row): BrandVoice {
  return {
    name: String(row.name),
    guidelines: String(row.guidelines),
    example: row.example === null ? null : String(row.example),
    bannedWords: JSON.parse(String(row.banned_words)) as string[],
    language: row.language === null ? null : String(row.language),
    isDefault: row.is_default === 1 || row.is_default === 1n,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}
