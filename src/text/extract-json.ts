import { deferred } from "../platform/deferred.ts";
import { count } from "./count.ts";

/** jsonrepair, loaded on first use: see libraries/deferred.ts. */
export const jsonRepairLibrary = deferred("jsonrepair", () => import("jsonrepair"));

/** On failure, `attempted` says whether the reply held something that starts like a JSON object. */
export type ExtractedJson =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: string; attempted: boolean };

const OPENING_QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", "\u201C": "\u201D\u201C" };

/**
 * Reads the first JSON object in a model's reply: bare or fenced, with any prose around it ignored, and
 * repaired the way real models need it (trailing commas, comments, single or smart quotes, Python
 * literals). An object cut off before its closing brace is refused rather than completed. On failure the
 * reason is a sentence that can be quoted back to the model.
 */
export function extractJsonObject(reply: string): ExtractedJson {
  return extract(normalise(reply), 0);
}

function normalise(reply: string): string {
  return reply
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, "");
}

function extract(text: string, depth: number): ExtractedJson {
  if (text.trim() === "") return { ok: false, reason: "the reply is empty", attempted: false };
  const quoted = quotedJson(text);
  if (quoted !== undefined && depth < 2) return extract(normalise(quoted), depth + 1);
  const start = firstValueStart(text);
  if (start === undefined)
    return { ok: false, reason: "the reply contains no JSON object", attempted: false };
  let from = start;
  let firstFailure: string | undefined;
  while (from < text.length) {
    const end = matchingEnd(text, from);
    if (end === undefined) {
      return {
        ok: false,
        reason: firstFailure ?? "the JSON object in the reply is cut off before its closing brace",
        attempted: true,
      };
    }
    const result = parseCandidate(text.slice(from, end + 1));
    if (result.ok) return result;
    firstFailure ??= result.reason;
    const next = firstValueStart(text, end + 1);
    if (next === undefined) break;
    from = next;
  }
  return { ok: false, reason: firstFailure ?? "the reply contains no JSON object", attempted: true };
}

/** A reply that is one JSON string (possibly fenced) holding the object: some wrappers double-encode. */
function quotedJson(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/^```[\w-]*\n?|\n?```$/g, "")
    .trim();
  if (!trimmed.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === "string" && value.includes("{") ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Where the first object starts: an opening brace, or a bracket whose first element is an object. */
function firstValueStart(text: string, from = 0): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "{") return i;
    if (c === "[" && /^\[\s*\{/.test(text.slice(i, i + 200))) return i;
  }
  return undefined;
}

/** The index of the bracket that closes the one at `start`, skipping strings and comments. */
function matchingEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i] as string;
    const closers = OPENING_QUOTES[c];
    if (closers !== undefined) {
      i = stringEnd(text, i + 1, closers);
    } else if (c === "/" && text[i + 1] === "/") {
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return undefined;
}

function stringEnd(text: string, from: number, closers: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\") i++;
    else if (closers.includes(c)) return i;
    // A newline ends an apostrophe that was prose, not a string (`{ it's: 1 }` does not occur in JSON).
    else if (c === "\n" && closers === "'") return i - 1;
  }
  return text.length;
}

function parseCandidate(candidate: string): ExtractedJson {
  const { JSONRepairError, jsonrepair } = jsonRepairLibrary.get();
  let value: unknown;
  try {
    value = JSON.parse(jsonrepair(candidate));
  } catch (error) {
    const detail =
      error instanceof JSONRepairError || error instanceof SyntaxError ? `: ${error.message}` : "";
    return { ok: false, reason: `the JSON object in the reply cannot be read${detail}`, attempted: true };
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      return {
        ok: false,
        reason: `the reply contains a list of ${count(value.length, "item")}; one JSON object was expected`,
        attempted: true,
      };
    }
    value = value[0];
  }
  if (!isPlainObject(value))
    return { ok: false, reason: "the reply contains no JSON object", attempted: true };
  return { ok: true, value };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
