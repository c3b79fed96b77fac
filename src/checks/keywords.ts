import { containsNear, type NearText, nearText } from "./near-phrase.ts";
import { quoteList } from "./quote-list.ts";
import { containsPhrase, rememberingStemmer, stemText } from "./stemming.ts";
import type { Check } from "./types.ts";
import { wordsOf } from "./words.ts";

/**
 * Every keyword occurs in some text, inflected forms counting ("mugs" for "mug", "Tassen" for "Tasse"),
 * its words in any order within one sentence with a few words among them ("ordinateur portable 15 pouces"
 * for "ordinateur 15 pouces"), number words for digits ("three pieces" for "3 pieces") and amounts in
 * another unit ("0,75 Liter" for "750 ml").
 * The language (for the stemmer and number words) is asked for only when a keyword is not there as
 * written: a phrase found word for word is found stemmed in any language too, and most copy uses its
 * keywords as given, which spares detecting the language (~0.5 ms and ~0.75 MB of garbage a call).
 */
export function keywordsCheck(
  texts: readonly string[],
  keywords: readonly string[],
  language?: string | (() => string | undefined),
): Check {
  const missingIn = (stemLanguage: string | undefined, candidates: readonly string[], near: boolean) => {
    const stem = rememberingStemmer(stemLanguage);
    const stemmed = texts.map((text) => stemText(text, stemLanguage, stem));
    let nearTexts: NearText[] | undefined;
    return candidates.filter((keyword) => {
      if (wordsOf(keyword).length === 0 || stemmed.some((text) => containsPhrase(text, keyword)))
        return false;
      if (!near) return true;
      nearTexts ??= texts.map((text) => nearText(text, stemLanguage, stem));
      return !nearTexts.some((text) => containsNear(text, keyword));
    });
  };
  // First as written, then (only for what is missing) stemmed and near in the language, if there is one.
  let missing = missingIn(undefined, keywords, false);
  if (missing.length > 0) {
    const stemLanguage = (typeof language === "function" ? language() : language) || undefined;
    missing = missingIn(stemLanguage, missing, true);
  }
  if (missing.length === 0) {
    return {
      check: "keywords",
      ok: true,
      detail:
        keywords.length === 1 ? "the keyword is worked in" : `all ${keywords.length} keywords are worked in`,
    };
  }
  const noun = missing.length === 1 ? "keyword" : "keywords";
  return { check: "keywords", ok: false, detail: `the copy does not use the ${noun} ${quoteList(missing)}` };
}
