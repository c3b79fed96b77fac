import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { flagLabel, optionMeaning } from "../../src/cli/help-rows.ts";
import { SERVER_OPTIONS } from "../../src/cli/server-options.ts";

/**
 * The README's reference sections, made from what the program publishes (tools/list, the option table), so
 * they cannot drift. `npm run readme` writes them; a test fails when the README is stale.
 */
export function toolReference(tools: readonly Tool[]): string {
  return tools
    .map((tool) => {
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set(tool.inputSchema.required ?? []);
      const fields = Object.entries(properties)
        .map(([name, schema]) => {
          const optional = required.has(name) ? "" : " (optional)";
          return `  - \`${name}\`${optional}: ${descriptionOf(schema)}`;
        })
        .join("\n");
      const mode = tool.annotations?.readOnlyHint ? "read-only" : "writes";
      // A tool without inputs (list_brand_voices) must not leave a blank line in the list.
      return `- **\`${tool.name}\`** (${mode}): ${tool.description ?? ""}${fields ? `\n${fields}` : ""}`;
    })
    .join("\n");
}

interface JsonSchema {
  readonly description?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
}

/** A property's description, or that of the branch that carries one (a nullable field is an anyOf). */
function descriptionOf(schema: JsonSchema): string {
  if (schema.description !== undefined) return schema.description;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) {
    const found = descriptionOf(branch);
    if (found !== "") return found;
  }
  return "";
}

export function optionReference(): string {
  const rows = SERVER_OPTIONS.map((option) => {
    const flag = `\`${flagLabel(option)}\``;
    const env = option.env ? `\`${option.env}\`` : "";
    return `| ${flag} | ${env} | ${optionMeaning(option).replaceAll("|", "\\|")} |`;
  });
  return ["| flag | environment variable | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/**
 * Replaces each `<!-- generated:NAME -->...<!-- /generated:NAME -->` block with fresh content; `tools` is
 * what tools/list answers (listedTools()).
 */
export function regenerate(readme: string, tools: readonly Tool[]): string {
  const sections: Record<string, () => string> = {
    tools: () => toolReference(tools),
    options: optionReference,
  };
  let text = readme;
  for (const [name, make] of Object.entries(sections)) {
    const block = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!block.test(text)) throw new Error(`README.md lacks the generated:${name} block`);
    text = text.replace(block, (_match, open: string, close: string) => `${open}${make()}\n${close}`);
  }
  return text;
}
