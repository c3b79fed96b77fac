import type { AnyKind } from "../../../kinds/index.ts";
import { NotFoundError } from "../../../services/failures.ts";
import { saveOrKeep } from "../../../services/save-or-keep.ts";
import type { NewVersion, Store, StoredRecord } from "../../../store/records.ts";
import type { ToolDeps } from "../define-tool.ts";

/** Adds a version to a record (never overwriting one), tells the client, and logs it. */
export function addVersion(
  kind: AnyKind,
  store: Store,
  id: string,
  version: NewVersion,
  deps: ToolDeps,
): StoredRecord {
  const saved = saveOrKeep("copy", JSON.stringify(version.copy), () =>
    store.addVersion(kind.name, id, version),
  );
  if (!saved)
    throw new NotFoundError(`There is no ${kind.noun} with id "${id}". ${kind.tools.list} shows the ids.`);
  deps.resourcesChanged();
  deps.logger.debug(`Stored version ${saved.latestVersion} of ${kind.noun} ${saved.id} (${version.source})`);
  return saved;
}
