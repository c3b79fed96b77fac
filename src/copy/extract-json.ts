// STAND-IN until the checks branch lands.
export function extractJsonObject(
  reply: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const start = reply.indexOf("{");
  if (start < 0) return { ok: false, reason: "the reply contains no JSON object" };
  let depth = 0;
  let inString = false;
  for (let i = start; i < reply.length; i++) {
    const c = reply[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      try {
        return { ok: true, value: JSON.parse(reply.slice(start, i + 1)) };
      } catch (e) {
        return { ok: false, reason: `the JSON object is not valid JSON (${(e as Error).message})` };
      }
    }
  }
  return { ok: false, reason: "the JSON object is cut off before its end" };
}
