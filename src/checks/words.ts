/** Words as runs of letters and digits, lower case: "Dishwasher-safe" and "dishwasher safe" give the same. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** Words as a reader counts them: whitespace-separated runs that hold a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The primary language subtag of a BCP 47 tag, lower case: "fr-CA" → "fr". */
export function primaryLanguage(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? "").toLowerCase();
}
