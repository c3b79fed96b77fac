import { join } from "node:path";
import { lazyStore } from "../../store/lazy-store.ts";
import { newRecordId } from "../../store/record-id.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";

/** The server's database in the same data folder, opened on first use exactly as src/main.ts opens it. */
export function catalogStore(dataDir: string): ReturnType<typeof lazyStore> {
  const databasePath = join(dataDir, "copydesk.db");
  return lazyStore(databasePath, () =>
    openSqliteStore({ path: databasePath, now: () => new Date(), newId: newRecordId }),
  );
}
