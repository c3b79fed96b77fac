import {
  ClientNotificationSchema,
  ClientRequestSchema,
  ErrorCode,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { ZodType } from "zod";

/** What to do with one line from the client. */
export type Screened =
  | { readonly type: "message"; readonly message: JSONRPCMessage }
  /** Answered here: the SDK would have dropped it without a word. */
  | { readonly type: "replies"; readonly replies: readonly ErrorReply[] }
  /** Nothing to answer (a blank line, a notification that makes no sense); `reason` is for the debug log. */
  | { readonly type: "ignore"; readonly reason: string };

/** A JSON-RPC error response; `id` is null when the request's own id could not be read (JSON-RPC 2.0 §5). */
export type ErrorReply = Omit<JSONRPCErrorResponse, "id"> & { readonly id: string | number | null };

const BY_METHOD = schemasByMethod(ClientRequestSchema.options);
const NOTIFICATION_BY_METHOD = schemasByMethod(ClientNotificationSchema.options);

/**
 * Checks one line the way JSON-RPC 2.0 says a server must, before the SDK sees it: unparsable JSON
 * gets -32700, a message that is no JSON-RPC request gets -32600, a known method with params of the
 * wrong shape gets -32602 with a readable reason. A leading BOM is tolerated. Batches are answered
 * with -32600 for each request in them (MCP 2025-06-18 removed batching, and the SDK reads none).
 */
export function screenLine(line: string): Screened {
  const text = line.startsWith("\uFEFF") ? line.slice(1) : line;
  if (text.trim() === "") return { type: "ignore", reason: "a blank line" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return replies(error(null, ErrorCode.ParseError, "Parse error: the line is not valid JSON"));
  }
  if (Array.isArray(json)) return screenBatch(json);
  return screenObject(json);
}

function screenBatch(batch: readonly unknown[]): Screened {
  const message =
    "Invalid Request: JSON-RPC batches are not supported (MCP 2025-06-18 removed them); send each message on its own line";
  const ids = batch.map(readableId).filter((id): id is string | number => id !== null);
  if (ids.length === 0) return replies(error(null, ErrorCode.InvalidRequest, message));
  return { type: "replies", replies: ids.map((id) => error(id, ErrorCode.InvalidRequest, message)) };
}

function screenObject(json: unknown): Screened {
  const id = readableId(json);
  const parsed = JSONRPCMessageSchema.safeParse(json);
  if (!parsed.success) {
    const hasMethod = isObject(json) && "method" in json;
    const isResponse = isObject(json) && ("result" in json || "error" in json) && !hasMethod;
    // A malformed response to one of our requests: there is nobody to answer.
    if (isResponse) return { type: "ignore", reason: "a malformed response" };
    return replies(error(id, ErrorCode.InvalidRequest, `Invalid Request: ${describeShape(json)}`));
  }
  const message = parsed.data;
  if (!("method" in message)) return { type: "message", message };
  if ("id" in message) {
    const schema = BY_METHOD.get(message.method);
    if (schema) {
      const checked = schema.safeParse(message);
      if (!checked.success) {
        return replies(
          error(
            message.id,
            ErrorCode.InvalidParams,
            `Invalid params for ${message.method}: ${describeIssues(checked.error.issues)}`,
          ),
        );
      }
    }
    return { type: "message", message };
  }
  const schema = NOTIFICATION_BY_METHOD.get(message.method);
  if (schema && !schema.safeParse(message).success) {
    return { type: "ignore", reason: `a ${message.method} notification with invalid params` };
  }
  return { type: "message", message };
}

/** The request's id, when it is one JSON-RPC allows and MCP can answer (a string or an integer). */
function readableId(json: unknown): string | number | null {
  if (!isObject(json)) return null;
  const { id } = json;
  if (typeof id === "string" || (typeof id === "number" && Number.isSafeInteger(id))) return id;
  return null;
}

function describeShape(json: unknown): string {
  if (!isObject(json)) return `expected a JSON object, got ${json === null ? "null" : typeof json}`;
  if (json.jsonrpc !== "2.0") return 'the "jsonrpc" member must be "2.0"';
  if ("method" in json && typeof json.method !== "string") return 'the "method" member must be a string';
  if ("id" in json && readableId(json) === null) return 'the "id" member must be a string or an integer';
  if ("params" in json && !isObject(json.params)) return 'the "params" member must be an object';
  const extra = Object.keys(json).filter((key) => !["jsonrpc", "id", "method", "params"].includes(key));
  if (extra.length > 0) return `unexpected member ${JSON.stringify(clip(extra[0] ?? ""))}`;
  return "not a JSON-RPC 2.0 request or notification";
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** "params.name: Invalid input: expected string, received number", at most three, never a value. */
function describeIssues(issues: readonly Issue[]): string {
  const described = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((part) => clip(String(part))).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return `${described.join("; ")}${more}`;
}

function schemasByMethod(options: readonly ZodType[]): Map<string, ZodType> {
  const map = new Map<string, ZodType>();
  for (const option of options) {
    const method = (option as unknown as { shape: { method: { value: unknown } } }).shape.method.value;
    if (typeof method === "string") map.set(method, option);
  }
  return map;
}

function error(id: string | number | null, code: number, message: string): ErrorReply {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

function replies(reply: ErrorReply): Screened {
  return { type: "replies", replies: [reply] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
