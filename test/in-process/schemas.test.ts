import assert from "node:assert/strict";
import { it } from "node:test";
import { withoutTypeArrays } from "../../src/mcp/tools/portable-schema.ts";
import { startInMemory } from "../support/in-memory.ts";

/** Paths of every `type` that is an array, anywhere in a JSON Schema. */
function typeArrays(node: unknown, path: string): string[] {
  if (node === null || typeof node !== "object") return [];
  const own = !Array.isArray(node) && Array.isArray((node as { type?: unknown }).type) ? [path] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => typeArrays(value, `${path}/${key}`))];
}

it("no tool's input or output schema has a type array (the MCP Inspector flags them)", async () => {
  const server = await startInMemory();
  try {
    const { tools } = await server.client.listTools();
    assert.ok(tools.length >= 8, `${tools.length} tools listed`);
    const found = tools.flatMap((tool) => [
      ...typeArrays(tool.inputSchema, `${tool.name}/inputSchema`),
      ...typeArrays(tool.outputSchema, `${tool.name}/outputSchema`),
    ]);
    assert.deepEqual(found, []);
    // The fields stay nullable, spelled portably.
    const getPost = tools.find((tool) => tool.name === "get_post");
    const post = JSON.stringify(getPost?.outputSchema);
    assert.match(post, /"abstract":\{[^}]*"anyOf":\[\{"type":"string"\},\{"type":"null"\}\]/);
  } finally {
    await server.close();
  }
});

it("withoutTypeArrays spells a type array as anyOf and keeps every other keyword", () => {
  assert.deepEqual(
    withoutTypeArrays({
      type: "object",
      properties: {
        a: { description: "d", maxLength: 3, type: ["string", "null"] },
        b: { type: ["integer"] },
      },
    }),
    {
      type: "object",
      properties: {
        a: { description: "d", maxLength: 3, anyOf: [{ type: "string" }, { type: "null" }] },
        b: { type: "integer" },
      },
    },
  );
  assert.deepEqual(withoutTypeArrays({ anyOf: [{ minLength: 1 }], type: ["string", "null"] }), {
    anyOf: [{ minLength: 1 }],
    allOf: [{ anyOf: [{ type: "string" }, { type: "null" }] }],
  });
});
