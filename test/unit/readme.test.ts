import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { listedTools } from "../../scripts/readme/listed-tools.ts";
import { regenerate } from "../../scripts/readme/reference.ts";
import { cell, TOOL_DOCS_PATH, toolDocs } from "../../scripts/readme/tool-docs.ts";
import { MAX_ATTEMPTS } from "../../src/llm/providers/config.ts";
import { differingLines } from "../support/line-diff.ts";

// What a client sees: the committed README and docs are compared with this, not with themselves.
const live = await listedTools();
const stale = "is stale: run `npm run readme` and review the diff";

it("the README's tool table and option reference match the live server", () => {
  const readme = readFileSync("README.md", "utf8");
  assert.deepEqual(differingLines(readme, regenerate(readme, live)), [], `README.md ${stale}`);
});

it("docs/tools.md is what the live server's tools/list makes", () => {
  const docs = readFileSync(TOOL_DOCS_PATH, "utf8");
  assert.deepEqual(differingLines(docs, toolDocs(live)), [], `${TOOL_DOCS_PATH} ${stale}`);
});

/** Every description tools/list publishes, at any depth of the schemas, that the docs do not show. */
function missingDescriptions(tools: readonly Tool[], docs: string): string[] {
  const inSchemas: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "description" && typeof inner === "string") inSchemas.push(inner);
        else collect(inner);
      }
    }
  };
  for (const tool of tools) {
    collect(tool.inputSchema);
    collect(tool.outputSchema);
  }
  return [
    ...tools.flatMap((tool) => tool.description ?? []).filter((text) => !docs.includes(`\n${text}\n`)),
    ...inSchemas.filter((text) => !docs.includes(`| ${cell(text)} |`)),
  ];
}

it("docs/tools.md shows every description a client gets, nested parameters' too", () => {
  const docs = readFileSync(TOOL_DOCS_PATH, "utf8");
  assert.deepEqual(missingDescriptions(live, docs), [], `${TOOL_DOCS_PATH} ${stale}`);
  // id, copy and mapping were once blank in the reference; mapping.title is a nested one.
  for (const parameter of ["id", "copy", "mapping", "mapping.title", "items[].copy.tags"]) {
    assert.match(
      docs,
      new RegExp(`\\| \`${parameter.replace(/[.[\]]/g, "\\$&")}\` \\|[^\\n]*\\| [A-Z][^|]+ \\|\\n`),
    );
  }
});

it("a changed tool or parameter description makes the committed docs fail both checks", () => {
  const docs = readFileSync(TOOL_DOCS_PATH, "utf8");
  const altered = structuredClone(live);
  const tool = altered.find((candidate) => candidate.name === "import_products");
  assert.ok(tool);
  tool.description = `${tool.description} Now also reads spreadsheets.`;
  const mapping = tool.inputSchema.properties?.mapping as {
    properties: Record<string, { description?: string }>;
  };
  assert.ok(mapping.properties.title);
  mapping.properties.title.description = "The column that holds the name";
  assert.notEqual(docs, toolDocs(altered));
  assert.deepEqual(missingDescriptions(altered, docs), [tool.description, "The column that holds the name"]);
});

it("the README opens with the two set-up commands, and .ci/run runs the test one", () => {
  const readme = readFileSync("README.md", "utf8");
  const commands = [...readme.matchAll(/^```sh\n([^\n]+)\n```/gm)].slice(0, 2).map((m) => m[1]);
  assert.deepEqual(commands, ["npm ci && npm run build && npm run demo", "npm ci && npm test"]);
  assert.match(readFileSync(".ci/run", "utf8"), /^npm ci && npm test$/m);
});

it("the README's retry sentence gives the number of attempts the provider makes", () => {
  const readme = readFileSync("README.md", "utf8").replace(/\s+/g, " ");
  const words = ["zero", "one", "two", "three", "four", "five"];
  assert.ok(
    readme.includes(
      `on 429/503/529 answers, make up to ${words[MAX_ATTEMPTS]} attempts in all (${words[MAX_ATTEMPTS - 1]} retries)`,
    ),
    "README.md and MAX_ATTEMPTS disagree",
  );
});
