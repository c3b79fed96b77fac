import { checkLibraries } from "./libraries.ts";
import { wordsOf } from "./words.ts";

export type Stemmer = (word: string) => string;

const unchanged: Stemmer = (word) => word;

/** The language's Snowball stemmer; words stay as they are in a language without one. */
export function stemmerFor(language: string | undefined): Stemmer {
  return (language === undefined ? undefined : checkLibraries().stemmers[language]) ?? unchanged;
}

/** The stemmer remembering its answers: for one check, which stems the same words more than once. */
export function rememberingStemmer(language: string | undefined): Stemmer {
  const stem = stemmerFor(language);
  if (stem === unchanged) return stem;
  const stems = new Map<string, string>();
  return (word) => {
    let found = stems.get(word);
    if (found === undefined) {
      found = stem(word);
      stems.set(word, found);
    }
    return found;
  };
}

// Compounds are written together, hyphenated or apart ("Kaffeetasse", "Kaffee-Tasse"): up to this many
// words of the text are also tried joined into one.
const MAX_JOINED = 3;

/** A text's words reduced to stems in one language, to look phrases up in. */
export interface StemmedText {
  readonly stems: readonly string[];
  /** Stems of every run of 1 to MAX_JOINED words written as one word. */
  readonly joined: ReadonlySet<string>;
  readonly stem: Stemmer;
}

/** Stems in the given language; a language without a stemmer keeps the words as they are. */
export function stemText(
  text: string,
  language: string | undefined,
  stem: Stemmer = stemmerFor(language),
): StemmedText {
  const words = wordsOf(text);
  const joined = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let size = 1; size <= MAX_JOINED && i + size <= words.length; size++) {
      joined.add(stem(words.slice(i, i + size).join("")));
    }
  }
  return { stems: words.map((word) => stem(word)), joined, stem };
}

/**
 * Whether `phrase` occurs in the text as whole words, inflected forms counting: its stems in order and
 * next to each other, or the phrase written as one word where the text splits it (or the other way round).
 */
export function containsPhrase(text: StemmedText, phrase: string): boolean {
  const words = wordsOf(phrase);
  if (words.length === 0) return false;
  if (text.joined.has(text.stem(words.join("")))) return true;
  const stems = words.map((word) => text.stem(word));
  for (let i = 0; i + stems.length <= text.stems.length; i++) {
    if (stems.every((stem, j) => text.stems[i + j] === stem)) return true;
  }
  return false;
}
