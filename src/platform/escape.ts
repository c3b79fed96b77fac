const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e" };

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional embeddings,
 * overrides and isolates: what can end a log line early, move the cursor or make text read backwards.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text safe for one log line: a client-chosen id with "\n" in it cannot forge a line, and an ESC
 * cannot reach the terminal. The characters stay visible as escapes ("\n", "\e", "\u202e").
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
