import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { it } from "node:test";
import { GenerationError } from "../../src/llm/errors.ts";
import { failureMessage } from "../../src/services/failures.ts";

it("expected failures keep their message; a refusing database is one too; anything else is a bug", () => {
  assert.equal(failureMessage(new GenerationError("declined", "You said no.")), "You said no.");

  const db = new DatabaseSync(":memory:");
  let sqliteError: unknown;
  try {
    db.exec("INSERT INTO missing VALUES (1)");
  } catch (error) {
    sqliteError = error;
  }
  db.close();
  assert.match(
    failureMessage(sqliteError) ?? "",
    /database could not complete the request \(no such table: missing\).*--data-dir/,
  );

  assert.equal(failureMessage(new TypeError("x is undefined")), undefined);
});

it("a full disk, a used-up quota, a read-only file system and a folder are sentences (issue 19, item 10)", () => {
  const failure = (code: string, path?: string) =>
    Object.assign(new Error(`${code}: boom, write '${path}'`), { code, errno: -28, syscall: "write", path });
  assert.equal(
    failureMessage(failure("ENOSPC", "/mnt/full/.shop.csv.tmp")),
    "copydesk could not write /mnt/full/.shop.csv.tmp (ENOSPC): the disk is full: free some space, or write to another disk, and try again.",
  );
  assert.match(
    failureMessage(failure("EDQUOT")) ?? "",
    /^copydesk could not write a file \(EDQUOT\): the disk quota/,
  );
  assert.match(
    failureMessage(failure("EROFS", "/ro/a.csv")) ?? "",
    /\/ro\/a\.csv \(EROFS\): the file system is read-only/,
  );
  assert.match(failureMessage(failure("EISDIR", "/tmp")) ?? "", /\(EISDIR\): that is a folder/);
  assert.equal(failureMessage(failure("EBADF")), undefined, "a bad descriptor is copydesk's bug");
});
