import { quoteList } from "./quote-list.ts";
import { containsPhrase, stemsOf } from "./stemming.ts";
import type { Check } from "./types.ts";

/** No banned word or phrase, case-insensitive, whole words, inflected forms counting. */
export function bannedWordsCheck(
  texts: readonly string[],
  bannedWords: readonly string[],
  language?: string,
): Check {
  const stemmed = texts.map((text) => stemsOf(text, language));
  const used = bannedWords.filter((banned) => {
    const phrase = stemsOf(banned, language);
    return phrase.length > 0 && stemmed.some((stems) => containsPhrase(stems, phrase));
  });
  if (used.length === 0) return { check: "banned_words", ok: true, detail: "no banned words are used" };
  const noun = used.length === 1 ? "word" : "words";
  return { check: "banned_words", ok: false, detail: `the copy uses the banned ${noun} ${quoteList(used)}` };
}
