import type { Store } from "../store/records.ts";
import { count } from "../text/count.ts";
import { type Selection, selectProducts } from "./selection.ts";

export interface Approval {
  readonly approved: readonly string[];
  /** Named but not approved: no such product, or it has no copy yet. */
  readonly notFound: readonly string[];
}

/** More ids than this are counted, not listed, in the lines for a person. */
const LISTED_IDS = 20;

/**
 * Marks the current copy of products as approved for the store: the ones named, or every one a selection
 * takes (e.g. status written of an import). A product without copy stays as it is.
 */
export function approveCopy(store: Store, selection: Selection): Approval {
  const ids =
    selection.ids !== undefined
      ? [...new Set(selection.ids)]
      : selectProducts(store, selection).map((record) => record.id);
  const approved = ids.length > 0 ? store.setStatus("product", ids, "approved") : [];
  const done = new Set(approved);
  return { approved, notFound: ids.filter((id) => !done.has(id)) };
}

/** What an approval did, as the MCP tool and the CLI both say it. */
export function approvalText({ approved, notFound }: Approval): string {
  if (notFound.length === 0) return `Approved ${count(approved.length, "product")}.`;
  const listed = notFound.slice(0, LISTED_IDS).join(", ");
  const more = notFound.length > LISTED_IDS ? ` and ${notFound.length - LISTED_IDS} more` : "";
  return `Approved ${count(approved.length, "product")}. Not approved (no such product, or no copy yet): ${listed}${more}.`;
}
