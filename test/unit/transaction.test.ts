import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { it } from "node:test";
import { migrate } from "../../src/store/migrations.ts";
import { immediateTransaction } from "../../src/store/transaction.ts";

it("a full database's error comes out, not the failed rollback after it (issue 19, item 10)", () => {
  const db = new DatabaseSync(":memory:");
  db.exec("CREATE TABLE t (x TEXT)");
  // A page limit fills the database like a full disk: SQLite then rolls the transaction back itself.
  db.exec("PRAGMA max_page_count = 8");
  const transaction = immediateTransaction(db);
  const insert = db.prepare("INSERT INTO t VALUES (?)");
  assert.throws(
    () =>
      transaction(() => {
        for (let i = 0; i < 100; i++) insert.run("x".repeat(1000));
      }),
    /database or disk is full/,
  );
  // Nothing was kept, and the next transaction opens.
  assert.equal(
    transaction(() => db.prepare("SELECT count(*) AS n FROM t").get()?.n),
    0,
  );
  assert.throws(() => transaction(() => db.exec("INSERT INTO missing VALUES (1)")), /no such table: missing/);
  db.close();
});

it("a migration that fills the database fails with that error, and leaves the schema as it was", () => {
  const db = new DatabaseSync(":memory:");
  db.exec("PRAGMA max_page_count = 8");
  const fill = (d: DatabaseSync) => {
    const insert = d.prepare("INSERT INTO t VALUES (?)");
    for (let i = 0; i < 100; i++) insert.run("x".repeat(1000));
  };
  assert.throws(() => migrate(db, ["CREATE TABLE t (x TEXT)", fill]), /database or disk is full/);
  assert.equal(db.prepare("PRAGMA user_version").get()?.user_version, 0);
  db.close();
});
