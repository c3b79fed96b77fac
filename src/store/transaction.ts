import type { DatabaseSync } from "node:sqlite";

/**
 * Runs work in one IMMEDIATE transaction (another copydesk process on the same database waits rather than
 * slipping a write in between), or inside the transaction already open. `beforeWrite` runs first: the
 * check that the database file is still the one opened. Whether a transaction is open is kept here, not
 * asked of the database: `DatabaseSync.isTransaction` is not in Node 22, which the npm package supports.
 */
export function immediateTransaction(db: DatabaseSync, beforeWrite: () => void = () => {}) {
  let open = false;
  return function transaction<T>(work: () => T): T {
    if (open) return work();
    beforeWrite();
    db.exec("BEGIN IMMEDIATE");
    open = true;
    try {
      const result = work();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      // SQLite ends the transaction itself on some errors (a full disk): ROLLBACK would then fail with
      // "no transaction is active" and hide the error that says what went wrong.
      try {
        db.exec("ROLLBACK");
      } catch {}
      throw error;
    } finally {
      open = false;
    }
  };
}
