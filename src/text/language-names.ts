/**
 * English names of the languages copydesk detects or stems, exactly as Intl.DisplayNames gives them (a unit
 * test compares). Looked up here before asking ICU: the first Intl.DisplayNames in a process reads ICU's
 * list of locales, about 4.4 MiB of the executable's data that then stays resident.
 */
const NAMES: Readonly<Record<string, string>> = {
  ar: "Arabic",
  bn: "Bangla",
  da: "Danish",
  de: "German",
  el: "Greek",
  en: "English",
  es: "Spanish",
  fi: "Finnish",
  fr: "French",
  he: "Hebrew",
  hi: "Hindi",
  hu: "Hungarian",
  it: "Italian",
  ja: "Japanese",
  ko: "Korean",
  nb: "Norwegian Bokmål",
  nl: "Dutch",
  nn: "Norwegian Nynorsk",
  no: "Norwegian",
  pl: "Polish",
  pt: "Portuguese",
  ro: "Romanian",
  ru: "Russian",
  sv: "Swedish",
  th: "Thai",
  tr: "Turkish",
  zh: "Chinese",
};

/** The English name of a bare language subtag copydesk knows ("tr" → "Turkish"), else undefined. */
export function commonLanguageName(code: string): string | undefined {
  return Object.hasOwn(NAMES, code) ? NAMES[code] : undefined;
}

export const COMMON_LANGUAGES: readonly string[] = Object.keys(NAMES);
