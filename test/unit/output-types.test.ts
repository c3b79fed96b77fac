import assert from "node:assert/strict";
import { it } from "node:test";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { outputTypes } from "../../scripts/readme/output-types.ts";

const tool = (outputSchema: Record<string, unknown>): Tool =>
  ({ name: "get_thing", title: "Get thing", inputSchema: { type: "object" }, outputSchema }) as Tool;

it("types a result from its output schema: optional, nullable, unions, arrays, maps, described fields", () => {
  const text = outputTypes([
    tool({
      type: "object",
      required: ["id", "checks", "state"],
      properties: {
        id: { type: "string", description: "The thing's id" },
        checks: { anyOf: [{ type: "array", items: { type: "object", properties: {} } }, { type: "null" }] },
        state: { type: "string", enum: ["done", "running"] },
        states: { type: "array", items: { type: "string", enum: ["a", "b"] } },
        options: { type: "object", additionalProperties: { type: "integer" } },
        "odd-key": { type: "boolean" },
      },
    }),
  ]);
  assert.match(text, /export interface ToolOutputs \{\n {2}\/\*\* Get thing \*\/\n {2}get_thing: \{\n/);
  assert.match(text, /\/\*\* The thing's id \*\/\n {4}id: string;/);
  assert.match(text, / {4}checks: Record<string, unknown>\[\] \| null;/);
  assert.match(text, / {4}state: "done" \| "running";/);
  assert.match(text, / {4}states\?: \("a" \| "b"\)\[\];/);
  assert.match(text, / {4}options\?: Record<string, number>;/);
  assert.match(text, / {4}"odd-key"\?: boolean;/);
});

it("keeps a description from closing its comment early", () => {
  const text = outputTypes([
    tool({ type: "object", properties: { glob: { type: "string", description: "Matches a/*/b */ too" } } }),
  ]);
  assert.ok(text.includes("/** Matches a/*\\/b *\\/ too */"), text);
});
