/** Controls, format characters (zero-width, bidi, BOM, soft hyphen) and line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
/** A reply body is JSON holding the model's JSON: escapes can be two deep, and one more is cheap. */
const MAX_ROUNDS = 3;

/**
 * The text as copydesk's own reading could turn it: invisible characters dropped (as cleaning drops
 * them) and JSON escapes decoded (as reading the body, then the model's JSON, decodes them). A key split
 * by a zero-width space or written as \u0073k-… is whole again in one of these. The text itself first.
 */
export function unveiled(text: string): string[] {
  const forms = new Set([text]);
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stripped = current.replace(INVISIBLE, "");
    const decoded = stripped.replace(JSON_ESCAPE, (_, hex: string | undefined, simple: string | undefined) =>
      hex === undefined
        ? (SIMPLE_ESCAPES[simple ?? ""] ?? "")
        : String.fromCharCode(Number.parseInt(hex, 16)),
    );
    forms.add(stripped);
    forms.add(decoded);
    if (decoded === current) break;
    current = decoded;
  }
  return [...forms];
}
