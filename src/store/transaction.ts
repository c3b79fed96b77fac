import type { DatabaseSync } from "node:sqlite";

/**
 * Runs work in one IMMEDIATE transaction (another copydesk process on the same database waits rather than
 * slipping a write in between), or inside the transaction already open. `beforeWrite` runs first: the
 * check that the database file is still the one opened.
 */
export function immediateTransaction(db: DatabaseSync, beforeWrite: () => void = () => {}) {
  return function transaction<T>(work: () => T): T {
    if (db.isTransaction) return work();
    beforeWrite();
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
}
