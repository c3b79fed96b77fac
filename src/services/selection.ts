import { productKind } from "../kinds/product/kind.ts";
import type { RecordStatus, Store, StoredRecord } from "../store/records.ts";

/** Which products a job writes or an export includes. */
export interface Selection {
  readonly ids?: readonly string[] | undefined;
  /** Products of this import. */
  readonly importId?: string | undefined;
  readonly status?: RecordStatus | undefined;
  readonly all?: boolean | undefined;
}

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

/** The products a selection names, oldest first (the order a catalog was imported in). */
export function selectProducts(store: Store, selection: Selection): StoredRecord[] {
  if (selection.ids !== undefined) {
    const missing: string[] = [];
    const found = selection.ids.flatMap((id) => {
      const record = store.get(productKind.name, id);
      if (!record) missing.push(id);
      return record ? [record] : [];
    });
    if (missing.length > 0) {
      throw new SelectionError(`There is no product with id ${missing.map((id) => `"${id}"`).join(", ")}.`);
    }
    return found;
  }
  if (selection.importId !== undefined && !store.catalog.getImport(selection.importId)) {
    throw new SelectionError(`There is no import with id "${selection.importId}".`);
  }
  if (selection.importId === undefined && selection.status === undefined && selection.all !== true) {
    throw new SelectionError("Say which products: ids, import_id, status, or all: true.");
  }
  const picked: StoredRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = store.list(productKind.name, {
      limit: 100,
      cursor,
      status: selection.status,
      importId: selection.importId,
    });
    picked.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return picked.reverse();
}
