type Child = Node | string | null | undefined | false;

/** An element with attributes (on* handlers as functions) and children: the views' only way to make DOM. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | ((event: Event) => void) | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value") (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const ALLOWED = new Set(["P", "UL", "OL", "LI", "STRONG", "EM", "B", "I", "BR"]);

/**
 * The description's HTML as DOM, keeping only the elements copydesk writes and no attributes: copydesk
 * sanitises it already, and this keeps a view from ever running markup it was handed.
 */
export function safeHtml(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  const copy = (from: Node, to: Node) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(node.textContent ?? ""));
      else if (node instanceof Element) {
        const target = ALLOWED.has(node.tagName) ? document.createElement(node.tagName.toLowerCase()) : to;
        copy(node, target);
        if (target !== to) to.appendChild(target);
      }
    }
  };
  const fragment = document.createDocumentFragment();
  copy(parsed, fragment);
  return fragment;
}

const BLOCKS = new Set(["P", "UL", "OL", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "TABLE"]);

/**
 * HTML's text as copydesk reads a store's HTML to compare it: blocks as paragraphs, list items as lines
 * starting with "- ", white space collapsed.
 */
export function htmlText(html: string): string {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  let text = "";
  const walk = (from: Node) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += (node.textContent ?? "").replace(/\s+/g, " ");
      else if (node instanceof Element) {
        const block = BLOCKS.has(node.tagName);
        if (block) text += "\n\n";
        else if (node.tagName === "LI") text += "\n- ";
        else if (node.tagName === "BR") text += "\n";
        walk(node);
        if (block) text += "\n\n";
      }
    }
  };
  walk(parsed);
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Characters as a person counts them (code points, as copydesk's checks do). */
export const length = (text: string): number => [...text].length;
