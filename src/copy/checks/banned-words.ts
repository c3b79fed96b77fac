import { quoteList } from "./quote-list.ts";
import { containsPhrase, stemText } from "./stemming.ts";
import type { Check } from "./types.ts";
import { wordsOf } from "./words.ts";

/** No banned word or phrase, case-insensitive, whole words, inflected forms counting. */
export function bannedWordsCheck(
  texts: readonly string[],
  bannedWords: readonly string[],
  language?: string,
): Check {
  const stemmed = texts.map((text) => stemText(text, language));
  const used = bannedWords.filter((banned) => {
    return wordsOf(banned).length > 0 && stemmed.some((text) => containsPhrase(text, banned));
  });
  if (used.length === 0) return { check: "banned_words", ok: true, detail: "no banned words are used" };
  const noun = used.length === 1 ? "word" : "words";
  return { check: "banned_words", ok: false, detail: `the copy uses the banned ${noun} ${quoteList(used)}` };
}
