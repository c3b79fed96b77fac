import { numberWordsAsDigits } from "./number-words.ts";
import { quantitiesIn } from "./quantities.ts";
import { type Stemmer, stemmerFor } from "./stemming.ts";
import { wordsOf } from "./words.ts";

/** A word's stem, or an amount's comparable key ("#0.75 l" for "750 ml" and "0,75 Liter"). */
interface Term {
  readonly value: string;
  /** The word as written, lower case; none for an amount. */
  readonly word?: string;
}

/** A text as terms, sentence by sentence, in one language. */
export interface NearText {
  /** Per sentence, where each term occurs: a word's stem also where two or three words join into it. */
  readonly sentences: readonly ReadonlyMap<string, readonly Span[]>[];
  readonly language: string | undefined;
  readonly stem: Stemmer;
}

// Words a phrase's words may have between them ("ordinateur portable 15 pouces" for "ordinateur 15 pouces").
const GAP = 3;
// As in stemming.ts: a phrase's word may be written as up to this many words of the text ("Kaffee-Tasse").
const MAX_JOINED = 3;
const SENTENCE_END = /(?<=[.!?;])\s+|\n+/;

export function nearText(
  text: string,
  language: string | undefined,
  stem: Stemmer = stemmerFor(language),
): NearText {
  const sentences = termSentences(text, language, stem).map((terms) => {
    const spans = new Map<string, Span[]>();
    const add = (value: string, start: number, end: number) => {
      const list = spans.get(value);
      if (list === undefined) spans.set(value, [{ start, end }]);
      else list.push({ start, end });
    };
    terms.forEach((term, start) => {
      add(term.value, start, start + 1);
      let joined = term.word;
      for (
        let end = start + 2;
        joined !== undefined && end <= Math.min(terms.length, start + MAX_JOINED);
        end++
      ) {
        const next = terms[end - 1]?.word;
        if (next === undefined) break;
        joined += next;
        add(stem(joined), start, end);
      }
    });
    return spans;
  });
  return { sentences, language, stem };
}

function termSentences(text: string, language: string | undefined, stem: Stemmer): Term[][] {
  const digits = language === undefined ? text : numberWordsAsDigits(text, language);
  return digits.split(SENTENCE_END).map((sentence) => termsOf(sentence, stem));
}

function termsOf(sentence: string, stem: Stemmer): Term[] {
  const terms: Term[] = [];
  const addWords = (part: string) => {
    for (const word of wordsOf(part)) terms.push({ value: stem(word), word });
  };
  let cursor = 0;
  for (const quantity of quantitiesIn(sentence)) {
    if (quantity.unitless) continue;
    if (quantity.index >= cursor) {
      addWords(sentence.slice(cursor, quantity.index));
      cursor = quantity.index + quantity.text.length;
    }
    terms.push({ value: `#${quantity.key}` });
  }
  addWords(sentence.slice(cursor));
  return terms;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether every term of `phrase` occurs in one sentence of the text, in any order, with at most GAP other
 * words among them: stems compare (inflections count), number words compare as digits where the language
 * has them, amounts compare in one unit, and a word may be written as two or three (a compound split up).
 */
export function containsNear(text: NearText, phrase: string): boolean {
  const wanted = termSentences(phrase, text.language, text.stem).flat();
  if (wanted.length === 0) return false;
  return text.sentences.some((spans) => {
    const occurrences = wanted.map((term) => spans.get(term.value) ?? []);
    return occurrences.every((list) => list.length > 0) && pick(wanted, occurrences, wanted.length + GAP);
  });
}

// Enough for any real keyword (at most 60 characters); a pathological one ("a a a ... a") gives up.
const MAX_STEPS = 20_000;

/**
 * One span per term, none sharing a word, all within `width` words. Terms with fewest spans are placed
 * first; equal terms take their spans in text order, so their permutations are not tried again.
 */
function pick(terms: readonly Term[], occurrences: readonly (readonly Span[])[], width: number): boolean {
  const count = (index: number) => occurrences[index]?.length ?? 0;
  const value = (index: number) => terms[index]?.value ?? "";
  const order = terms
    .map((_, index) => index)
    .sort((a, b) => count(a) - count(b) || value(a).localeCompare(value(b)));
  const chosen: Span[] = [];
  let steps = 0;
  const search = (depth: number, low: number, high: number): boolean => {
    const index = order[depth];
    if (index === undefined) return true;
    const previous = depth > 0 && value(order[depth - 1] ?? -1) === value(index) ? chosen.at(-1) : undefined;
    for (const span of occurrences[index] ?? []) {
      if (++steps > MAX_STEPS) return false;
      if (previous !== undefined && span.start <= previous.start) continue;
      const from = Math.min(low, span.start);
      const to = Math.max(high, span.end);
      if (to - from > width) continue;
      if (chosen.some((other) => span.start < other.end && other.start < span.end)) continue;
      chosen.push(span);
      if (search(depth + 1, from, to)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
}
