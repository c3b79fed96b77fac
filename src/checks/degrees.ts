/**
 * The comparative and superlative of an adjective where the language's Snowball stemmer keeps them apart
 * from it ("cheaper" and "cheapest" stem to themselves in English, "goedkoper" in Dutch, "billigere" in
 * Norwegian); German, Swedish and Danish stemmers already reduce them, the Romance languages form them
 * with a separate word.
 */
export function degreeForms(word: string, language: string | undefined): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{L}{2,}$/u.test(lower)) return [];
  switch (language) {
    case "en":
      return english(lower);
    case "nl":
      return dutch(lower);
    case "no":
    case "nb":
    case "nn":
      return [`${lower}ere`, `${lower}est`, `${lower}este`];
    default:
      return [];
  }
}

const VOWEL = "aeiou";
const isVowel = (letter: string | undefined) => letter !== undefined && VOWEL.includes(letter);

function english(word: string): string[] {
  if (word.endsWith("e")) return [`${word}r`, `${word}st`];
  const last = word.at(-1);
  const before = word.at(-2);
  if (last === "y" && !isVowel(before)) return [`${word.slice(0, -1)}ier`, `${word.slice(0, -1)}iest`];
  // One short syllable ending in one consonant doubles it: big, bigger.
  const vowelGroups = word.match(/[aeiouy]+/g)?.length ?? 0;
  if (
    vowelGroups === 1 &&
    isVowel(before) &&
    !isVowel(word.at(-3)) &&
    last !== undefined &&
    !"wxy".includes(last)
  ) {
    return [`${word}${last}er`, `${word}${last}est`];
  }
  return [`${word}er`, `${word}est`];
}

function dutch(word: string): string[] {
  const superlative = [`${word}st`, `${word}ste`];
  const last = word.at(-1) ?? "";
  const stem = word.slice(0, -1);
  // goedkoop → goedkoper: a long vowel is written once in an open syllable; lief → liever, vies → viezer.
  const voiced = last === "f" ? "v" : last === "s" ? "z" : last;
  if (last === "r") return [`${word}der`, ...superlative];
  if (/([aeou])\1[^aeiou]$/.test(word)) return [`${word.slice(0, -2)}${voiced}er`, ...superlative];
  if (isVowel(stem.at(-1)) && !isVowel(stem.at(-2)) && !isVowel(last))
    return [`${word}${last}er`, ...superlative];
  return [`${stem}${voiced}er`, ...superlative];
}
