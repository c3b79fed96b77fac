import { detectLanguage } from "./language.ts";
import { countWords } from "./words.ts";

/**
 * Fewer words than this do not tell a catalog's or a post's language: the detector is sure of 25 words of
 * running text in en, de, fr, es, it, nl, pt (the language check judges from 10 words, of known-language
 * copy); titles and one-line descriptions are not enough.
 */
export const MIN_LANGUAGE_WORDS = 25;
/** Beyond this many words a sample says nothing more, and costs the detector time. */
const SAMPLE_WORDS = 400;

/**
 * The language of running text (descriptions, a post) as a BCP 47 primary subtag, or undefined when there
 * are too few words to tell, or the detector is unsure. Texts are taken in order until the sample is full.
 */
export function textLanguage(texts: Iterable<string>): string | undefined {
  const sample: string[] = [];
  let words = 0;
  for (const text of texts) {
    const trimmed = text.trim();
    if (trimmed === "") continue;
    sample.push(trimmed);
    words += countWords(trimmed);
    if (words >= SAMPLE_WORDS) break;
  }
  if (words < MIN_LANGUAGE_WORDS) return undefined;
  return detectLanguage(sample.join("\n"));
}
