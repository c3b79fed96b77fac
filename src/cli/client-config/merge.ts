import { isDeepStrictEqual } from "node:util";
import type { FormattingOptions, ParseError } from "jsonc-parser";
import { deferred } from "../../platform/deferred.ts";

/** jsonc-parser, loaded only by `copydesk config` (see libraries/deferred.ts): await its load() first. */
export const jsoncLibrary = deferred("jsonc-parser", () => import("jsonc-parser"));

export interface MergeRequest {
  /** The file's current text; empty when the file does not exist yet. */
  readonly text: string;
  /** "servers" (VS Code) or "mcpServers" (the others). */
  readonly serversKey: string;
  readonly name: string;
  readonly entry: Readonly<Record<string, unknown>>;
  /** Accept comments and trailing commas (VS Code's JSONC); otherwise strict JSON, as the client reads it. */
  readonly jsonc: boolean;
}

export type MergeResult =
  | { readonly status: "added"; readonly text: string }
  | { readonly status: "replaced"; readonly text: string; readonly previous: unknown }
  | { readonly status: "unchanged"; readonly text: string };

/** The file is not something we can edit without risking the user's settings. */
export class UnparsableConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnparsableConfigError";
  }
}

/**
 * Puts one server entry into a client's config text and returns the new text. Only the edited entry is
 * rewritten: comments, trailing commas, key order, other servers and other keys stay as they were
 * (jsonc-parser edits the text in place rather than re-serialising a parsed object).
 */
export function mergeServerEntry(request: MergeRequest): MergeResult {
  // Windows editors may start the file with a byte order mark: keep it, parse what follows.
  const bom = request.text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const result = mergeText({ ...request, text: request.text.slice(bom.length) });
  return { ...result, text: bom + result.text };
}

function mergeText(request: MergeRequest): MergeResult {
  const { text, serversKey, name, entry, jsonc } = request;
  if (text.trim() === "") {
    const fresh = `${JSON.stringify({ [serversKey]: { [name]: entry } }, null, 2)}\n`;
    return { status: "added", text: fresh };
  }

  const errors: ParseError[] = [];
  const { applyEdits, getNodeValue, modify, parseTree, printParseErrorCode } = jsoncLibrary.get();
  const root = parseTree(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const where = first ? ` at ${lineAndColumn(text, first.offset)}` : "";
    const what = first ? printParseErrorCode(first.error) : "no JSON value";
    throw new UnparsableConfigError(`not valid ${jsonc ? "JSONC" : "JSON"}: ${what}${where}`);
  }
  // getNodeValue builds null-prototype objects; a JSON round trip makes them comparable with plain ones.
  const document: unknown = JSON.parse(JSON.stringify(getNodeValue(root)));
  if (!isPlainObject(document)) throw new UnparsableConfigError("the top level is not a JSON object");
  const servers = document[serversKey];
  if (servers !== undefined && !isPlainObject(servers)) {
    throw new UnparsableConfigError(`"${serversKey}" is not a JSON object`);
  }
  const previous = servers?.[name];
  if (previous !== undefined && isDeepStrictEqual(previous, entry)) return { status: "unchanged", text };

  // A new entry goes first: jsonc-parser reformats the whole lines an insertion touches, and the line
  // after "{" holds nothing of the user's, while the last entry's line may be a hand-formatted one-liner.
  const edits = modify(text, [serversKey, name], entry, {
    formattingOptions: detectFormatting(text),
    getInsertionIndex: () => 0,
  });
  const merged = applyEdits(text, edits);
  return previous === undefined
    ? { status: "added", text: merged }
    : { status: "replaced", text: merged, previous };
}

/** Indent and line ends as the file already has them, so the new lines look like the old ones. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /^[ \t]+(?=\S)/m.exec(text)?.[0];
  if (indent?.startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
