import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { wordsOf } from "./words.ts";

type Stemmer = (word: string) => string;

// Snowball stemmers for the languages European shops write in, by primary subtag.
const STEMMERS: Readonly<Record<string, Stemmer>> = {
  da: danish,
  de: german,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  it: italian,
  nb: norwegian,
  nl: dutch,
  nn: norwegian,
  no: norwegian,
  pt: portuguese,
  sv: swedish,
};

/** The words of a text reduced to their stems in the given language (unchanged for a language without one). */
export function stemsOf(text: string, language: string | undefined): string[] {
  const stem = (language === undefined ? undefined : STEMMERS[language]) ?? ((word: string) => word);
  return wordsOf(text).map((word) => stem(word));
}

/** Whether `phrase` (stems, in order) occurs in `stems` as consecutive words. */
export function containsPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    if (phrase.every((stem, j) => stems[i + j] === stem)) return true;
  }
  return false;
}
