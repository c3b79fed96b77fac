import { COMPARED_FIELDS, type ComparedField, type StoreCells, storeCellsOf } from "../formats/store-copy.ts";
import type { Store, StoredRecord } from "../store/records.ts";
import { htmlToText } from "../text/html.ts";

/** The store's copy as plain text, as a person reads it: HTML cells as text, paragraphs and "- " list items. */
export type StoreCopy = StoreCells;

export function storeCopyText(cells: StoreCells): StoreCopy {
  const text = (value: string | null) => (value === null ? null : htmlToText(value));
  return {
    description: text(cells.description),
    short_description: text(cells.short_description),
    seo_title: cells.seo_title,
    seo_description: cells.seo_description,
  };
}

const normal = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The fields an export would change: copy that differs from the store's, white space aside, in
 * COMPARED_FIELDS order; the description as it is exported (its HTML, bullets included) against the
 * store's description.
 */
export function copyChanges(copy: Readonly<Record<string, unknown>>, store: StoreCopy): ComparedField[] {
  const text = (field: ComparedField) => {
    if (field !== "description") return String(copy[field] ?? "");
    const html = copy.description_html;
    return typeof html === "string" && html !== "" ? htmlToText(html) : String(copy.description ?? "");
  };
  return COMPARED_FIELDS.filter((field) => {
    const before = store[field];
    const after = normal(text(field));
    // An empty field (a reply in prose has only its main text) keeps the store's cell on export.
    return before !== null && after !== "" && normal(before) !== after;
  });
}

/** A record's copy in the store now, where it came from, and what its shown copy would change. */
export interface StoreCopyView {
  /** "import": its row of the store file it was last imported from; "given": the existing_description given. */
  readonly source: "import" | "given";
  readonly importId: string | null;
  readonly copy: StoreCopy;
  /** Fields whose copy shown differs from the store's; empty for a draft. */
  readonly changes: ComparedField[];
}

/** The store copy of each record that has one, by seq: from its imported row, else its given description. */
export function storeCopies(store: Store, records: readonly StoredRecord[]): Map<number, StoreCopyView> {
  const imported = store.catalog.sourceRows(records.filter((r) => r.importId !== null).map((r) => r.seq));
  const found = new Map<number, StoreCopyView>();
  for (const record of records) {
    const row = imported.get(record.seq);
    const given = record.input.existing_description;
    let copy: StoreCopy | undefined;
    if (row) copy = storeCopyText(storeCellsOf(row.header, row.raw));
    else if (typeof given === "string" && given.trim() !== "") {
      copy = { description: given, short_description: null, seo_title: null, seo_description: null };
    }
    if (copy === undefined) continue;
    found.set(record.seq, {
      source: row ? "import" : "given",
      importId: row ? record.importId : null,
      copy,
      changes: record.current ? copyChanges(record.current.copy, copy) : [],
    });
  }
  return found;
}
