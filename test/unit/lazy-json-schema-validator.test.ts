import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lazyJsonSchemaValidator } from "../../src/mcp/lazy-json-schema-validator.ts";

describe("lazy JSON Schema validator", () => {
  it("validates as the SDK's Ajv validator does, once asked", () => {
    const validate = lazyJsonSchemaValidator().getValidator<{ name: string }>({
      type: "object",
      properties: { name: { type: "string" } },
      required: ["name"],
    });
    assert.deepEqual(validate({ name: "Mug" }), {
      valid: true,
      data: { name: "Mug" },
      errorMessage: undefined,
    });
    const invalid = validate({ name: 3 });
    assert.equal(invalid.valid, false);
    assert.match(invalid.errorMessage ?? "", /name/);
  });
});
