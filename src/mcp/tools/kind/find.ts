import type { AnyKind } from "../../../kinds/index.ts";
import { NotFoundError } from "../../../services/failures.ts";
import type { Store, StoredRecord } from "../../../store/records.ts";

/** A record (at a version), or a NotFoundError that says where to find ids and versions. */
export function findRecord(kind: AnyKind, store: Store, id: string, version?: number): StoredRecord {
  const found = store.get(kind.name, id, version);
  if (found) return found;
  if (version !== undefined && store.get(kind.name, id)) {
    throw new NotFoundError(
      `The ${kind.noun} "${id}" has no version ${version}. ${kind.tools.versions} lists its versions.`,
    );
  }
  throw new NotFoundError(`There is no ${kind.noun} with id "${id}". ${kind.tools.list} shows the ids.`);
}
