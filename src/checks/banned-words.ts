import { degreeForms } from "./degrees.ts";
import { quoteList } from "./quote-list.ts";
import { containsPhrase, stemText } from "./stemming.ts";
import type { Check } from "./types.ts";
import { wordsOf } from "./words.ts";

/**
 * No banned word or phrase, case-insensitive, whole words, inflected forms counting: the stemmer's, and
 * the comparative and superlative ("cheaper", "cheapest" for "cheap").
 */
export function bannedWordsCheck(
  texts: readonly string[],
  bannedWords: readonly string[],
  language?: string,
): Check {
  const stemmed = texts.map((text) => stemText(text, language));
  const used = bannedWords.filter((banned) =>
    formsOf(banned, language).some((form) => stemmed.some((text) => containsPhrase(text, form))),
  );
  if (used.length === 0) return { check: "banned_words", ok: true, detail: "no banned words are used" };
  const noun = used.length === 1 ? "word" : "words";
  return { check: "banned_words", ok: false, detail: `the copy uses the banned ${noun} ${quoteList(used)}` };
}

/** The phrase, and the phrase with one of its words compared ("really cheap", "really cheaper"). */
function formsOf(banned: string, language: string | undefined): string[] {
  const words = wordsOf(banned);
  if (words.length === 0) return [];
  const forms = [banned];
  words.forEach((word, index) => {
    for (const form of degreeForms(word, language)) forms.push(words.toSpliced(index, 1, form).join(" "));
  });
  return forms;
}
