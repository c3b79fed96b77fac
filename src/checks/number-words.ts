/**
 * Number words from two to twelve (and "one" where it is not also the article), in the languages with a
 * stemmer: "three pieces" states "3 pieces". Larger numbers are written as digits in product copy.
 */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  en: "one two three four five six seven eight nine ten eleven twelve",
  de: "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
  fr: "_ deux trois quatre cinq six sept huit neuf dix onze douze",
  es: "_ dos tres cuatro cinco seis siete ocho nueve diez once doce",
  it: "_ due tre quattro cinque sei sette otto nove dieci undici dodici",
  nl: "_ twee drie vier vijf zes zeven acht negen tien elf twaalf",
  pt: "_ dois três quatro cinco seis sete oito nove dez onze doze",
};

const EXTRA: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: { zwo: 2 },
  pt: { duas: 2 },
};

const tables = new Map<string, ReadonlyMap<string, string>>();

function tableFor(language: string): ReadonlyMap<string, string> | undefined {
  const words = NUMBER_WORDS[language];
  if (words === undefined) return undefined;
  let table = tables.get(language);
  if (table === undefined) {
    const entries: Array<[string, string]> = words
      .split(" ")
      .map((word, index): [string, string] => [word, String(index + 1)])
      .filter(([word]) => word !== "_");
    for (const [word, number] of Object.entries(EXTRA[language] ?? {})) entries.push([word, String(number)]);
    table = new Map(entries);
    tables.set(language, table);
  }
  return table;
}

/** The text with the language's number words written as digits ("drei Liter" → "3 Liter"). */
export function numberWordsAsDigits(text: string, language: string): string {
  const table = tableFor(language);
  if (table === undefined) return text;
  return text.normalize("NFC").replace(/\p{L}+/gu, (word) => table.get(word.toLowerCase()) ?? word);
}
