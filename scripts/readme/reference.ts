import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { flagLabel, optionMeaning } from "../../src/cli/help-rows.ts";
import { SERVER_OPTIONS } from "../../src/cli/server-options.ts";
import { TOOL_DOCS_PATH } from "./tool-docs.ts";

/**
 * The README's reference sections, made from what the program publishes (tools/list, the option table), so
 * they cannot drift. `npm run readme` writes them; a test fails when the README is stale.
 */
export function toolTable(tools: readonly Tool[]): string {
  const rows = tools.map(
    (tool) => `| [\`${tool.name}\`](${TOOL_DOCS_PATH}#${tool.name}) | ${purpose(tool.description ?? "")} |`,
  );
  return [
    `Every parameter, its type, default and description, and each result's fields: [${TOOL_DOCS_PATH}](${TOOL_DOCS_PATH}).`,
    "",
    "| tool | what it does |",
    "| --- | --- |",
    ...rows,
  ].join("\n");
}

/** A description's first clause (to its first colon, semicolon or full stop), without asides in brackets. */
function purpose(description: string): string {
  const plain = description.replace(/ \([^()]*\)/g, "");
  const end = plain.search(/(?<!\be\.g|\bi\.e)[:;.](\s|$)/);
  return (end === -1 ? plain : plain.slice(0, end)).replaceAll("|", "\\|");
}

/** The option table; the one place that reads src/cli/options.ts, should its export be renamed. */
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
    tools: () => toolTable(tools),
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
