import { deferred } from "../platform/deferred.ts";

/** htmlparser2 (with its entity tables) and xss, loaded on first use: see libraries/deferred.ts. */
export const htmlLibraries = deferred("htmlparser2 and xss", async () => {
  const [{ Parser }, { FilterXSS }] = await Promise.all([import("htmlparser2"), import("xss")]);
  return { Parser, FilterXSS };
});

const ALLOWED_TAGS = ["p", "ul", "li", "strong", "em"] as const;

/**
 * Keeps only p, ul, li, strong and em, without attributes; scripts and styles go with their content,
 * comments go, and every other tag is dropped while its text stays. Unclosed tags are closed and stray
 * closing tags dropped, so the result cannot break the page around it.
 */
export function sanitizeHtml(html: string): string {
  const { FilterXSS } = htmlLibraries.get();
  const filter = new FilterXSS({
    whiteList: Object.fromEntries(ALLOWED_TAGS.map((tag) => [tag, []])),
    stripIgnoreTag: true,
    stripIgnoreTagBody: ["script", "style"],
    allowCommentTag: false,
    css: false,
  });
  // A "<" that cannot start a tag is text to a browser ("1 < 2"); xss would take it for a tag.
  const prepared = dropUnclosed(dropUnclosed(html, "script"), "style").replace(/<(?![a-zA-Z/!?])/g, "&lt;");
  return balanceTags(filter.process(prepared));
}

/** A browser runs an unclosed script (or style) to the end of the page; xss would keep its text. */
function dropUnclosed(html: string, tag: "script" | "style"): string {
  const opening = new RegExp(`<${tag}\\b`, "gi");
  opening.lastIndex = html.toLowerCase().lastIndexOf(`</${tag}`) + 1;
  const unclosed = opening.exec(html);
  return unclosed === null ? html : html.slice(0, unclosed.index);
}

/**
 * xss leaves only bare allowed tags, so a tokenizer for exactly those is enough to balance them the way
 * a browser would: a new paragraph or list ends an open paragraph, a new item ends the open item.
 */
function balanceTags(html: string): string {
  const open: string[] = [];
  const closeFrom = (at: number) =>
    open
      .splice(at)
      .reverse()
      .map((name) => `</${name}>`)
      .join("");
  const balanced = html.replace(
    /<(\/?)(p|ul|li|strong|em)\s*(\/?)>/g,
    (_tag, closing: string, name: string, empty: string) => {
      if (empty !== "") return "";
      if (closing !== "") {
        const at = open.lastIndexOf(name);
        return at === -1 ? "" : closeFrom(at);
      }
      let implied = "";
      if ((name === "p" || name === "ul") && open.includes("p")) implied = closeFrom(open.lastIndexOf("p"));
      if (name === "li" && open.lastIndexOf("li") > open.lastIndexOf("ul"))
        implied = closeFrom(open.lastIndexOf("li"));
      open.push(name);
      return `${implied}<${name}>`;
    },
  );
  return balanced + closeFrom(0);
}

/**
 * The plain description as HTML: blank-line separated paragraphs become <p>, a block of "- " lines (as
 * htmlToText writes a list) a <ul>, and bullets a <ul> after them.
 */
export function textToHtml(description: string, bullets: readonly string[] = []): string {
  const list = (items: readonly string[]) =>
    `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
  const paragraphs = description
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => {
      const lines = paragraph.split(/\s*\n\s*/);
      if (lines.every((line) => /^- \S/.test(line))) return list(lines.map((line) => line.slice(2).trim()));
      return `<p>${escapeHtml(lines.join(" "))}</p>`;
    });
  const items = bullets.map((bullet) => bullet.trim()).filter((bullet) => bullet !== "");
  if (items.length > 0) paragraphs.push(list(items));
  return paragraphs.join("\n");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tr",
  "ul",
]);
const SKIPPED = new Set(["script", "style", "template", "noscript", "head", "title"]);

/**
 * An existing HTML description as plain text: block elements become paragraph breaks, list items lines
 * starting with "- ", <br> a line break, entities decoded, whitespace collapsed as a browser would.
 * A description without any tag is plain text already: its line breaks are kept.
 */
export function htmlToText(html: string): string {
  const plain = !/<[a-zA-Z!/?]/.test(html);
  let text = "";
  let skipping = 0;
  const { Parser } = htmlLibraries.get();
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.has(name)) text += "\n\n";
        else if (name === "li") text += "\n- ";
        else if (name === "br") text += "\n";
        else if (name === "td" || name === "th") text += " ";
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name)) text += "\n\n";
      },
      ontext(data) {
        if (skipping === 0) text += plain ? data.replace(/\r\n?/g, "\n") : data.replace(/\s+/g, " ");
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/\u00A0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]{2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/(^|\n)- (?=\n|$)/g, "$1")
    .trim();
}
