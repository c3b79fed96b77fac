import { flagLabel, OPTIONS } from "../../src/cli/options.ts";
import { TOOLS } from "../../src/tools/index.ts";

/**
 * The README's reference sections, made from the same tables the program uses, so they cannot drift.
 * `npm run readme` writes them; a test fails when the README is stale.
 */
export function toolReference(): string {
  return TOOLS.map((tool) => {
    const fields = Object.entries(
      tool.inputSchema as Record<string, { description?: string; isOptional?: () => boolean }>,
    )
      .map(([name, schema]) => {
        const optional = schema.isOptional?.() ? " (optional)" : "";
        return `  - \`${name}\`${optional}: ${schema.description ?? ""}`;
      })
      .join("\n");
    const mode = tool.annotations.readOnlyHint ? "read-only" : "writes";
    // A tool without inputs (list_brand_voices) must not leave a blank line in the list.
    return `- **\`${tool.name}\`** (${mode}): ${tool.description}${fields ? `\n${fields}` : ""}`;
  }).join("\n");
}

export function optionReference(): string {
  const rows = OPTIONS.map((option) => {
    const flag = `\`${flagLabel(option)}\``;
    const env = option.env ? `\`${option.env}\`` : "";
    return `| ${flag} | ${env} | ${option.description.replaceAll("|", "\\|")} |`;
  });
  return ["| flag | environment variable | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

const SECTIONS: Record<string, () => string> = { tools: toolReference, options: optionReference };

/** Replaces each `<!-- generated:NAME -->...<!-- /generated:NAME -->` block with fresh content. */
export function regenerate(readme: string): string {
  let text = readme;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const block = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!block.test(text)) throw new Error(`README.md lacks the generated:${name} block`);
    text = text.replace(block, (_match, open: string, close: string) => `${open}${make()}\n${close}`);
  }
  return text;
}
