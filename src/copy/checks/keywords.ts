import { quoteList } from "./quote-list.ts";
import { containsPhrase, stemText } from "./stemming.ts";
import type { Check } from "./types.ts";
import { wordsOf } from "./words.ts";

/** Every keyword occurs in some text, inflected forms counting ("mugs" for "mug", "Tassen" for "Tasse"). */
export function keywordsCheck(
  texts: readonly string[],
  keywords: readonly string[],
  language?: string,
): Check {
  const stemmed = texts.map((text) => stemText(text, language));
  const missing = keywords.filter((keyword) => {
    return wordsOf(keyword).length > 0 && !stemmed.some((text) => containsPhrase(text, keyword));
  });
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
