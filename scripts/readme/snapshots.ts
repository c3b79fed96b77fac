import type { Tool } from "@modelcontextprotocol/sdk/types.js";

/** One file per tool, so a change to one tool's schema shows as a small diff of its own file. */
export const SNAPSHOT_DIR = "test/snapshots/tools";

/** Biome's line width: arrays that fit stay on one line, as `biome check` wants them. */
const WIDTH = 110;

/**
 * Each tool exactly as tools/list returns it, keys sorted at every depth so that a serialiser's order
 * changes nothing: file name (NAME.json) to its text.
 */
export function toolSnapshots(tools: readonly Tool[]): Map<string, string> {
  // Through JSON first, as on the wire: the in-memory transport hands over keys set to undefined.
  return new Map(
    tools.map((tool) => [
      `${tool.name}.json`,
      `${json(sorted(JSON.parse(JSON.stringify(tool))), "", 0, 0)}\n`,
    ]),
  );
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

/**
 * Pretty JSON laid out as biome formats it (objects open, arrays of plain values on one line when the
 * line fits), so the generated files pass `biome check` without being excluded from it.
 */
function json(value: unknown, indent: string, lead: number, tail: number): string {
  const inner = `${indent}  `;
  const comma = (index: number, length: number) => (index < length - 1 ? 1 : 0);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((item) => item === null || typeof item !== "object")) {
      const line = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (lead + line.length + tail <= WIDTH) return line;
    }
    const items = value.map(
      (item, index) => `${inner}${json(item, inner, inner.length, comma(index, value.length))}`,
    );
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${json(item, inner, head.length, comma(index, entries.length))}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}
