import { DatabaseWriteError } from "./durability.ts";
import { SchemaTooNewError } from "./migrations.ts";
import type { Store } from "./records.ts";

export class StoreUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `copydesk cannot open its database ${path}: ${reason}. Check that the folder is writable, or choose ` +
        "another with --data-dir or COPYDESK_DATA_DIR.",
      { cause },
    );
    this.name = "StoreUnavailableError";
  }
}

/**
 * Opens the store on first use, so start-up stays fast and a broken data folder is reported on the
 * tool call that needs it (a server that dies at launch leaves desktop users with no message at all).
 * A failed open is tried again next time: the user may have fixed the folder.
 */
export function lazyStore(path: string, open: () => Store): { get: () => Store; close: () => void } {
  let store: Store | undefined;
  return {
    get() {
      if (store) return store;
      try {
        store = open();
      } catch (error) {
        if (error instanceof SchemaTooNewError || error instanceof DatabaseWriteError) throw error;
        throw new StoreUnavailableError(path, error);
      }
      return store;
    },
    close() {
      store?.close();
      store = undefined;
    },
  };
}
