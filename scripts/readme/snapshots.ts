import type { Tool } from "@modelcontextprotocol/sdk/types.js";

/** One file per tool, so a change to one tool's schema shows as a small diff of its own file. */
export const SNAPSHOT_DIR = "test/snapshots/tools";

/**
 * Each tool exactly as tools/list returns it, keys sorted at every depth so that a serialiser's order
 * changes nothing: file name (NAME.json) to its text.
 */
export function toolSnapshots(tools: readonly Tool[]): Map<string, string> {
  return new Map(tools.map((tool) => [`${tool.name}.json`, `${JSON.stringify(sorted(tool), null, 2)}\n`]));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sorted(inner)]),
  );
}
