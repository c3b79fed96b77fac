import { readFileSync, writeFileSync } from "node:fs";
import { listedTools } from "./readme/listed-tools.ts";
import { regenerate } from "./readme/reference.ts";
import { TOOL_DOCS_PATH, toolDocs } from "./readme/tool-docs.ts";

// Writes what clients see in tools/list two ways: README.md's table and docs/tools.md.
const tools = await listedTools();
const changed: string[] = [];

function write(path: string, text: string): void {
  let before: string | undefined;
  try {
    before = readFileSync(path, "utf8");
  } catch {
    before = undefined;
  }
  if (before === text) return;
  writeFileSync(path, text);
  changed.push(path);
}

write("README.md", regenerate(readFileSync("README.md", "utf8"), tools));
write(TOOL_DOCS_PATH, toolDocs(tools));
process.stderr.write(
  changed.length === 0
    ? "README.md and docs are up to date\n"
    : `Regenerated; review the diff:\n${changed.map((path) => `  ${path}\n`).join("")}`,
);
