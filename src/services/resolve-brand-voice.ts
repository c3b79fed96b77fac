import type { BrandVoice, BrandVoices } from "../store/brand-voices.ts";
import { NotFoundError } from "./failures.ts";

/** The error for a name that matches no voice, naming the ones there are. */
export function noSuchBrandVoice(brands: BrandVoices, name: string): NotFoundError {
  const names = brands.list().map((voice) => `"${voice.name}"`);
  return new NotFoundError(
    names.length > 0
      ? `No brand voice named "${name}"; the stored ones are ${names.join(", ")}.`
      : `No brand voice named "${name}"; there are none yet: add one with set_brand_voice.`,
  );
}

/**
 * The voice a writing tool uses: the named one (an error naming the stored ones if there is none), or
 * the default voice when no name is given, or none.
 */
export function resolveBrandVoice(brands: BrandVoices, name: string | undefined): BrandVoice | undefined {
  if (name === undefined) return brands.getDefault();
  const voice = brands.get(name);
  if (!voice) throw noSuchBrandVoice(brands, name);
  return voice;
}
