// C0 controls except \t and \n, DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates: they can reorder what a reader sees ("Trojan Source").
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Zero-width space, word joiner and BOM carry nothing a shop wants. Zero-width (non-)joiners are kept:
// U+200D joins emoji sequences (👩‍🍳) and U+200C/U+200D are part of Persian and Indic spelling.
const INVISIBLES = /[\u200B\u2060\uFEFF]/g;
// A surrogate without its partner cannot be encoded as UTF-8; SQLite would store U+FFFD instead.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes characters that do not belong in stored copy, so that what is returned is exactly what SQLite
 * stores and what a shop shows: line ends become \n (CRLF, CR, U+2028, U+2029), tabs and line feeds stay.
 */
export function removeControlCharacters(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(CONTROLS, "")
    .replace(BIDI_CONTROLS, "")
    .replace(INVISIBLES, "")
    .replace(LONE_SURROGATES, "");
}
