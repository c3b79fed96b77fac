// STAND-IN (types only) until the brand branch lands.
import type { DatabaseSync } from "node:sqlite";
export interface BrandVoice {
  readonly name: string;
  readonly guidelines: string;
  readonly example: string | null;
  readonly bannedWords: readonly string[];
  readonly language: string | null;
  readonly isDefault: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}
export interface BrandVoices {
  set(voice: {
    name: string;
    guidelines: string;
    example?: string | null;
    bannedWords?: readonly string[];
    language?: string | null;
    isDefault?: boolean;
  }): { voice: BrandVoice; created: boolean };
  get(name: string): BrandVoice | undefined;
  getDefault(): BrandVoice | undefined;
  list(): readonly BrandVoice[];
  delete(name: string): boolean;
}
export function openBrandVoices(db: DatabaseSync, now: () => Date): BrandVoices {
  void db;
  void now;
  const voices = new Map<string, BrandVoice>();
  return {
    set(v) {
      const at = new Date().toISOString();
      const voice: BrandVoice = {
        name: v.name,
        guidelines: v.guidelines,
        example: v.example ?? null,
        bannedWords: v.bannedWords ?? [],
        language: v.language ?? null,
        isDefault: v.isDefault ?? false,
        createdAt: at,
        updatedAt: at,
      };
      const created = !voices.has(v.name.toLowerCase());
      voices.set(v.name.toLowerCase(), voice);
      return { voice, created };
    },
    get: (name) => voices.get(name.toLowerCase()),
    getDefault: () => [...voices.values()].find((v) => v.isDefault),
    list: () => [...voices.values()],
    delete: (name) => voices.delete(name.toLowerCase()),
  };
}
