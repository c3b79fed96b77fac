import { commonLanguageName } from "../text/language-names.ts";
import { checkLibraries } from "./libraries.ts";
import type { Check } from "./types.ts";
import { countWords, primaryLanguage } from "./words.ts";

// Below this many words the detector is too often wrong on product copy (measured on titles and
// one-line descriptions in en, de, fr, es, it, nl, pt).
const MIN_WORDS = 10;
// Fewer words than this never tell a language ("350 ml", "Red mug").
const MIN_TITLE_WORDS = 3;
// The detector's best guess must score at least this many times the runner-up to count as sure.
const SURE_RATIO = 2;
// ...and at least this much itself. Measured: right guesses score 0.4-1.0 (a 20-word German body 0.41,
// titles 0.9-1.0), while on short English titles tinyld is wrong under ~0.16 with a wide lead: "Red mug
// 350 ml" tr 0.125 against hu 0.038, "Oak cutting board oak oiled" ro 0.087 against fi 0.028. Taken as sure,
// those products were asked for in Turkish and Romanian.
const SURE_SCORE = 0.25;

/**
 * The language of a text as a BCP 47 primary subtag ("de"), or undefined when the text is too short or
 * too ambiguous to tell. Never enough on its own to choose the language copy is written in from a product
 * title (see copy/text-language.ts for running text); the checks use it to pick a stemmer.
 */
export function detectLanguage(text: string): string | undefined {
  if ((text.match(/\p{L}{2,}/gu) ?? []).length < MIN_TITLE_WORDS) return undefined;
  const [best, second] = checkLibraries().detectAll(text);
  if (best === undefined || best.lang === "" || best.accuracy < SURE_SCORE) return undefined;
  if (second !== undefined && best.accuracy < second.accuracy * SURE_RATIO) return undefined;
  return best.lang;
}

/** The body is in the asked language, compared by primary subtag. */
export function languageCheck(body: string, asked: string): Check {
  const wanted = primaryLanguage(asked);
  const name = languageName(wanted);
  const { detectAll, supportedLanguages, toISO2 } = checkLibraries();
  if (!supportedLanguages.some((code) => toISO2(code) === wanted)) {
    return {
      check: "language",
      ok: true,
      detail: `the language was not checked: copydesk cannot recognise ${name}`,
    };
  }
  if (countWords(body) < MIN_WORDS) {
    return { check: "language", ok: true, detail: "the text is too short to tell its language" };
  }
  const guesses = detectAll(body);
  const best = guesses[0];
  if (best === undefined || best.lang === wanted) {
    return { check: "language", ok: true, detail: `the text is in ${name}` };
  }
  // Only a clear lead over the asked language counts as a failure: short copy full of product names and
  // loan words scores close between related languages.
  const askedScore = guesses.find((guess) => guess.lang === wanted)?.accuracy ?? 0;
  if (best.accuracy < askedScore * SURE_RATIO) {
    return { check: "language", ok: true, detail: `the text is probably in ${name}` };
  }
  return {
    check: "language",
    ok: false,
    detail: `the text is in ${languageName(best.lang)}, not in ${name} as asked`,
  };
}

function languageName(code: string): string {
  let name = commonLanguageName(code);
  if (name !== undefined) return `${name} (${code})`;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
  } catch {
    name = undefined;
  }
  return name !== undefined && name !== code ? `${name} (${code})` : `"${code}"`;
}
