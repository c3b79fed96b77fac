import { htmlToText } from "./html.ts";

/**
 * Markdown or HTML a model (or a client) put in a field that holds plain text, as that plain text: the
 * shop shows the field as written, so "**Sturdy**" or "<p>Sturdy</p>" would reach a customer as typed.
 * HTML goes through htmlToText (blocks become paragraphs, list items "- " lines); Markdown loses its
 * marks (emphasis, headings, links, code, quotes, rules), list items become "- " lines. Text without
 * either is returned as it was.
 */
export function plainText(text: string): string {
  const fromHtml = HTML_TAG.test(text) || HTML_ENTITY.test(text) ? htmlToText(text) : text;
  const lines = fromHtml.split("\n").flatMap((line) => plainMarkdownLine(line));
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The same for a field of one line (a bullet, an SEO title, a tag): line breaks become spaces. */
export function plainLine(text: string): string {
  return plainText(text).replace(/^- /gm, "").replace(/\s+/g, " ").trim();
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
const HTML_ENTITY = /&(?:[a-z]{2,8}|#\d{1,6}|#x[\da-f]{1,6});/i;

function plainMarkdownLine(line: string): string[] {
  if (/^\s*(?:`{3,}|~{3,})[\w-]*\s*$/.test(line)) return [];
  if (/^\s*([-*_])(?:\s*\1){2,}\s*$/.test(line)) return [""];
  const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
  if (heading) return ["", inline(heading[1] ?? ""), ""];
  const unquoted = line.replace(/^\s{0,3}(?:>\s?)+/, "");
  const item = /^\s*[-*+•]\s+(.*)$/.exec(unquoted);
  return [item ? `- ${inline(item[1] ?? "")}` : inline(unquoted)];
}

function inline(text: string): string {
  return (
    text
      // ![alt](src) and [text](href "title")
      .replace(/!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, "$2")
      .replace(/~~(?=\S)(.*?\S)~~/g, "$1")
      // A single * or _ marks emphasis only around a word: 5 * 3 and snake_case stay.
      .replace(/(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*]*?[^\s*\\])\*(?![\p{L}\p{N}*])/gu, "$1")
      .replace(/(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_\\])_(?![\p{L}\p{N}_])/gu, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1")
  );
}
