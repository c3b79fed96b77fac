/**
 * Rewrites every non-ASCII UTF-16 code unit of a bundle as a `\uXXXX` escape. esbuild's ASCII output still
 * leaves such characters in regular expression literals (tinyld has `/[,.。，、…]/`): one of them is enough
 * for V8 to keep the whole 2 MB source as a two-byte string, in memory and in the startup snapshot. Escaped,
 * a character means the same in a string, a regular expression (with or without the `u` flag, where an
 * escaped surrogate pair is one code point) and a comment; only a template's `raw` text and a regular
 * expression's `source` read the escape itself (the e2e tests run the escaped executable).
 */
export function asciiSource(source: string): string {
  return source.replace(
    /[\u0080-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
