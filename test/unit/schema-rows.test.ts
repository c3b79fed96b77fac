import assert from "node:assert/strict";
import { it } from "node:test";
import { schemaRows } from "../../scripts/readme/schema-rows.ts";

it("names nested parameters by path and carries each one's own description, limits and default", () => {
  const rows = schemaRows({
    type: "object",
    required: ["items"],
    properties: {
      items: {
        type: "array",
        minItems: 1,
        maxItems: 25,
        description: "Several at once",
        items: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string", minLength: 1, maxLength: 100, description: "The id" } },
        },
      },
      facts: {
        type: "object",
        additionalProperties: {
          type: "object",
          properties: { unit: { type: "string", description: "Unit" } },
        },
      },
      copy: {
        description: "null while a draft",
        anyOf: [
          { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } },
          { type: "null" },
        ],
      },
      limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
      format: { type: "string", enum: ["csv", "jsonl"] },
    },
  });
  assert.deepEqual(
    rows.map((row) => [row.path, row.type, row.required, row.default, row.description]),
    [
      ["items", "array (1-25 items) of object", true, undefined, "Several at once"],
      ["items[].id", "string (1-100 chars)", true, undefined, "The id"],
      ["facts", "map of object", false, undefined, ""],
      ["facts.<key>.unit", "string", false, undefined, "Unit"],
      ["copy", "object or null", false, undefined, "null while a draft"],
      ["copy.tags", "array of string", false, undefined, ""],
      ["limit", "integer (1-100)", false, "20", ""],
      ["format", '"csv" | "jsonl"', false, undefined, ""],
    ],
  );
});

it("leaves out the safe-integer bounds zod gives every integer", () => {
  const [row] = schemaRows({
    type: "object",
    properties: {
      n: { type: "integer", minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
    },
  });
  assert.equal(row?.type, "integer");
});
