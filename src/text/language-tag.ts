import { z } from "zod";
import { commonLanguageName } from "./language-names.ts";

/** Long enough for any tag a shop uses (de, fr-CA, zh-Hant-TW, sr-Latn-RS) and short enough to bound. */
const MAX_TAG = 35;

function displayNames(): Intl.DisplayNames {
  return new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
}

/**
 * The canonical form of a BCP 47 language tag ("fr-ca" → "fr-CA"), or undefined when it is not one or
 * names no language ICU knows: well-formed typos such as "gr" or "klingon" are caught too.
 */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (canonical === undefined) return undefined;
    const { language } = new Intl.Locale(canonical);
    return (commonLanguageName(language) ?? displayNames().of(language)) === undefined
      ? undefined
      : canonical;
  } catch {
    return undefined;
  }
}

/** "fr-CA" → "Canadian French", for texts people read; the tag itself when ICU has no name for it. */
export function languageName(tag: string): string {
  try {
    return commonLanguageName(tag) ?? displayNames().of(tag) ?? tag;
  } catch {
    // Display names reject some valid tags with extensions (en-u-ca-gregory).
    return tag;
  }
}

/** A language input, checked here; store canonicalLanguage() of it. */
export const languageTag = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(MAX_TAG, `${what} must be at most ${MAX_TAG} characters`)
    // An over-long tag is reported by max alone, so its text is not echoed back.
    .refine((tag) => tag.length > MAX_TAG || canonicalLanguage(tag) !== undefined, {
      error: (issue) =>
        `${what} "${String(issue.input)}" is not a BCP 47 language tag of a known language; use one such as de, fr-CA or pt-BR`,
    });
