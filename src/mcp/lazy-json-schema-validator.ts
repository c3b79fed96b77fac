import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";

/**
 * The SDK's Ajv validator, made on first use. The SDK's Server builds one in its constructor to check
 * elicitation replies (copydesk asks for none), and building Ajv with its meta-schemas was about a third of
 * createServer() at start-up (profiled), and again for every HTTP session.
 */
export function lazyJsonSchemaValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return {
    getValidator(schema) {
      ajv ??= new AjvJsonSchemaValidator();
      return ajv.getValidator(schema);
    },
  };
}
