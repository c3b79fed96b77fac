import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { biomeFormatted } from "./readme/biome-format.ts";
import { listedTools } from "./readme/listed-tools.ts";
import { OUTPUT_TYPES_PATH, outputTypes } from "./readme/output-types.ts";
import { regenerate } from "./readme/reference.ts";
import { SNAPSHOT_DIR, toolSnapshots } from "./readme/snapshots.ts";
import { TOOL_DOCS_PATH, toolDocs } from "./readme/tool-docs.ts";

// Writes what clients see in tools/list four ways: README.md's table, docs/tools.md,
// the snapshots, and the result types tests and views import.
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
write(OUTPUT_TYPES_PATH, biomeFormatted(OUTPUT_TYPES_PATH, outputTypes(tools)));
mkdirSync(SNAPSHOT_DIR, { recursive: true });
const snapshots = toolSnapshots(tools);
for (const [file, text] of snapshots) write(join(SNAPSHOT_DIR, file), text);
// A tool that was removed or renamed leaves no snapshot behind.
for (const file of readdirSync(SNAPSHOT_DIR)) {
  if (snapshots.has(file)) continue;
  rmSync(join(SNAPSHOT_DIR, file));
  changed.push(`${join(SNAPSHOT_DIR, file)} (removed)`);
}
process.stderr.write(
  changed.length === 0
    ? "README.md, docs and tool snapshots are up to date\n"
    : `Regenerated; review the diff:\n${changed.map((path) => `  ${path}\n`).join("")}`,
);
