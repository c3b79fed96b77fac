import { h, htmlText } from "./dom.ts";
import { type DiffPart, diffWords } from "./word-diff.ts";

/** The fields compared with the store's copy (what an export writes by default). */
export type ComparedField = "description" | "short_description" | "seo_title" | "seo_description";

/** get_product's storeCopy: the copy the store has now. */
export interface StoreCopy {
  readonly source: "import" | "given";
  readonly importId: string | null;
  readonly copy: Readonly<Record<ComparedField, string | null>>;
  readonly changes: readonly ComparedField[];
}

export const FIELD_LABELS: Readonly<Record<ComparedField, string>> = {
  description: "Description",
  short_description: "Short description",
  seo_title: "SEO title",
  seo_description: "SEO description",
};

interface NewCopy {
  readonly description_html: string;
  readonly short_description: string;
  readonly seo_title: string;
  readonly seo_description: string;
}

/** A field of the new copy as text, as it is compared with the store's (the description as exported, HTML). */
export function newText(copy: NewCopy, field: ComparedField): string {
  return field === "description" ? htmlText(copy.description_html) : copy[field];
}

const normal = (text: string) => text.replace(/\s+/g, " ").trim();

/** The fields the new copy changes against the store's, worked out again for the copy on show. */
export function changedFields(copy: NewCopy, store: StoreCopy): ComparedField[] {
  return (Object.keys(FIELD_LABELS) as ComparedField[]).filter((field) => {
    const before = store.copy[field];
    const after = normal(newText(copy, field));
    // An empty field keeps the store's cell on export: it changes nothing.
    return before !== null && after !== "" && normal(before) !== after;
  });
}

function marked(parts: readonly DiffPart[]): (Node | string)[] {
  return parts.flatMap((part) => {
    if (part.type === "same") return [part.text];
    // The white space around a changed run stays outside its mark, so only words are marked.
    const [, lead = "", words = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text) ?? [];
    const tag = part.type === "removed" ? "del" : "ins";
    return [lead, h(tag, { title: part.type === "removed" ? "removed" : "added" }, words), trail];
  });
}

/**
 * The store's text beside the new one, words removed struck through on the left and words added marked on
 * the right. Every string goes in as text: nothing the store file holds is parsed as markup here.
 */
export function comparison(field: ComparedField, label: string, before: string, after: string): HTMLElement {
  const kept = after.trim() === "";
  const diff = diffWords(before, kept ? before : after);
  const changed = !kept && normal(before) !== normal(after);
  return h(
    "div",
    { class: "compare", "data-compare": field, "data-changed": String(changed) },
    h(
      "div",
      { class: "side before" },
      h("h3", {}, "In the store now"),
      before.trim() === ""
        ? h("p", { class: "empty" }, "(empty)")
        : h(
            "div",
            { class: "diff", "data-before": "", "aria-label": `${label} in the store now` },
            ...marked(diff.before),
          ),
    ),
    h(
      "div",
      { class: "side after" },
      h("h3", {}, changed || kept ? "New" : "New (the same)"),
      kept
        ? h("p", { class: "empty" }, "(empty: an export keeps the store's)")
        : h(
            "div",
            { class: "diff value", "data-after": "", "aria-label": `New ${label}` },
            ...marked(diff.after),
          ),
    ),
  );
}
