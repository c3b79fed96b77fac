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
