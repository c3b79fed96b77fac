import { type ZodObject, z } from "zod";

/**
 * zod writes a nullable field as `type: ["string", "null"]`. That is valid JSON Schema, but a `type` array
 * is among the constructs the MCP Inspector flags as unportable (several clients' schema readers reject
 * it), so every schema copydesk publishes spells it `anyOf: [{type: "string"}, {type: "null"}]` instead.
 */
export function withoutTypeArrays(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTypeArrays);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== "type") out[key] = withoutTypeArrays(value);
  }
  const type = (node as { type?: unknown }).type;
  if (!Array.isArray(type)) {
    if (type !== undefined) out.type = type;
    return out;
  }
  const branches = type.map((member) => ({ type: member }));
  if (branches.length === 1) out.type = type[0];
  else if (out.anyOf === undefined) out.anyOf = branches;
  else out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), { anyOf: branches }];
  return out;
}

/**
 * Makes the SDK publish `object`'s JSON Schema without type arrays. The SDK converts zod schemas itself
 * when it answers tools/list (with zod's toJSONSchema); zod lets a schema supply its own JSON Schema
 * through the `_zod.toJSONSchema` hook, so the conversion is done here once, on first use, the same way
 * (draft 2020-12, `io` as the SDK asks for inputs and outputs), then rewritten.
 */
export function publishPortably<T extends ZodObject>(object: T, io: "input" | "output"): T {
  let published: string | undefined;
  const hooks = object._zod as { toJSONSchema?: () => unknown };
  hooks.toJSONSchema = () => {
    if (published === undefined) {
      // Without the hook while converting, or zod would call back into it.
      hooks.toJSONSchema = undefined;
      try {
        published = JSON.stringify(withoutTypeArrays(z.toJSONSchema(object, { io })));
      } finally {
        hooks.toJSONSchema = self;
      }
    }
    // zod's finaliser may add keys to what the hook returns: hand out a copy. Kept as text: the executable's
    // warm-up fills these for 26 tools into the V8 startup snapshot, where one string per schema is far
    // less for every start to load than its thousands of small objects (the output schemas repeat a record).
    return JSON.parse(published);
  };
  const self = hooks.toJSONSchema;
  return object;
}
