/**
 * Models often wrap the text they were asked for: a "Here's your abstract:" line, a code fence, a label,
 * quotation marks, a "Let me know if..." sign-off. This keeps only the text itself. It is deliberately
 * conservative: a line is dropped only when it matches one of these shapes, never because of its length.
 */

const PREAMBLE_LINE =
  /^(?:(?:sure|certainly|of course|absolutely|okay|ok|great)[!,.]?\s*)?(?:here(?:'s| is| are)|below is|i(?:'ve| have) written|this is)\b[^\n]*:\s*$/i;
/** "Here's your abstract: Stoneware keeps..." on one line: the preamble goes, the text stays. */
const INLINE_PREAMBLE =
  /^(?:(?:sure|certainly|of course|absolutely|okay|ok|great)[!,.]?\s*)?(?:here(?:'s| is| are)|below is)\s+(?:(?:your|the|a|an|my)\s+)?(?:[\w-]+\s+){0,3}?(?:description|abstract|summary|copy|text|version|draft|rewrite|blurb)\b[^:\n]{0,30}:[ \t]+(?=\S)/i;
const ACK_LINE = /^(?:sure|certainly|of course|absolutely|okay|ok|great)[!,.]*\s*$/i;
const LABEL =
  /^(?:\*\*|__)?(?:abstract|summary|product description|description)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*/i;
const SIGN_OFF_LINE = /^(?:let me know|i hope|feel free|would you like|if you(?:'d| would) like)\b/i;
const FENCE = /^```[\w-]*\s*\n([\s\S]*?)\n```\s*$/;
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["\u201c", "\u201d"],
  ["'", "'"],
];

export function cleanReply(raw: string): string {
  let text = raw.replace(/\r\n?/g, "\n").trim();
  let previous: string;
  do {
    previous = text;
    text = dropLeadingLines(text);
    text = dropTrailingSignOff(text);
    text = unfence(text);
    text = text.replace(LABEL, "").replace(INLINE_PREAMBLE, "").trim();
    text = unquote(text);
  } while (text !== previous);
  return text;
}

function dropLeadingLines(text: string): string {
  const lines = text.split("\n");
  while (lines.length > 0) {
    const first = (lines[0] ?? "").trim();
    if (first === "" || PREAMBLE_LINE.test(first) || ACK_LINE.test(first) || /^#{1,6}\s/.test(first)) {
      lines.shift();
    } else {
      break;
    }
  }
  return lines.join("\n").trim();
}

function dropTrailingSignOff(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  while (paragraphs.length > 1 && SIGN_OFF_LINE.test((paragraphs.at(-1) ?? "").trim())) {
    paragraphs.pop();
  }
  return paragraphs.join("\n\n").trim();
}

function unfence(text: string): string {
  const match = FENCE.exec(text);
  return match?.[1] !== undefined ? match[1].trim() : text;
}

function unquote(text: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    const inner = text.slice(open.length, -close.length);
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close) && !inner.includes(open)) {
      return inner.trim();
    }
  }
  return text;
}
