/** Below this an encoded or spaced-out form is too short to be told from ordinary text. */
const MIN_FORM_LENGTH = 8;
/** The key itself is removed down to this length (a shorter one is no real key). */
const MIN_KEY_LENGTH = 4;

export interface KeyForms {
  /** Exact strings: the key, URL-encoded, and the middle of its base64 and base64url at each alignment. */
  readonly literals: readonly string[];
  /** The key's characters with spaces or dashes (any amount) between them: "s k - p r o j", "s-k-p-r-o-j". */
  readonly spaced: RegExp;
}

/**
 * The shapes a provider or proxy has been seen to echo a key in. Base64 is taken at the three byte
 * alignments the key can have inside a longer encoded blob (a Basic header, a JSON dump), keeping only
 * the characters that depend on the key alone.
 */
export function keyForms(key: string): KeyForms {
  const literals = new Set<string>([key, encodeURIComponent(key)]);
  const bytes = Buffer.from(key, "utf8");
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    // Characters touched by the padding bytes before, or by whatever follows the key, vary: drop them.
    // (Each 3 bytes make 4 characters; the 2nd and 3rd of a group straddle two bytes.)
    const total = offset + bytes.length;
    const stable = encoded.slice(Math.ceil((offset * 4) / 3), 4 * Math.floor(total / 3) + (total % 3));
    literals.add(stable);
    literals.add(stable.replaceAll("+", "-").replaceAll("/", "_"));
  }
  const chars = [...key].filter((char) => char !== "-" && !/\s/.test(char)).map(escapeRegExp);
  return {
    literals: [
      ...(key.length >= MIN_KEY_LENGTH ? [key] : []),
      ...[...literals].filter((form) => form !== key && form.length >= MIN_FORM_LENGTH),
    ],
    spaced: chars.length >= MIN_FORM_LENGTH ? new RegExp(chars.join("[\\s-]*"), "g") : /(?!)/g,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
