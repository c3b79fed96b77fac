import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Two small HTTP servers on 127.0.0.1 that speak just enough OpenAI Chat Completions and Anthropic
 * Messages for copydesk's providers: they check each request's shape as the real APIs would, answer
 * 401 for a wrong key and 404 for an unknown model, and play queued replies (errors, Retry-After,
 * slow or hanging answers) for the rest.
 */

export const OPENAI_TEXT = "A red enamel mug that keeps coffee hot.";
export const ANTHROPIC_TEXT = "A blue linen shirt for hot days.";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it was not JSON. */
  readonly body: unknown;
  /** The client went away before the reply was complete (a cancel or a timeout). */
  aborted: boolean;
  /** The status answered, once the answer was sent in full. */
  status?: number;
  /** Body bytes handed to the socket so far: an endless reply stops growing once the client stops reading. */
  bytesSent: number;
  /** The request's first user prompt. */
  readonly prompt: string;
}

export interface FakeReply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** An object goes out as JSON, a string as it is; omitted, the server's normal answer for the request. */
  readonly body?: unknown;
  /** Wait this long before answering; the wait ends early if the client goes away. */
  readonly delayMs?: number;
  /** Never answer: until the client goes away or the server closes. */
  readonly hang?: boolean;
  /**
   * Answer 200 with a body that never ends (this text repeated, no Content-Length), written only as
   * fast as the client reads, until it goes away.
   */
  readonly endless?: string;
}

export interface FakeLlmServer {
  /** What to pass as --provider-url. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** What was wrong with requests, as the real API would have complained (empty when all were right). */
  readonly violations: string[];
  /** Queues replies for the next requests, in order; after them, requests get the normal answer. */
  enqueue(...replies: FakeReply[]): void;
  /** Resolves once `count` requests (1-based) have arrived, with the last of them. */
  waitForRequests(count: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** The key a request must carry; undefined: none is needed (a local server). */
  readonly apiKey?: string;
  /** Models the server has; any other gets a 404 as the real API words it. */
  readonly models?: readonly string[];
  /** The reply's text, or a function of the request's first user prompt (e.g. the stand-in copywriter). */
  readonly text?: string | ((prompt: string) => string);
  /** Decides a request's answer before the normal one (a 429, an error, a delay); undefined: the normal answer. */
  readonly respond?: (prompt: string) => FakeReply | undefined;
}

export const FAKE_MODEL = "test-model";

interface Dialect {
  /** Prefix of the URL handed to the provider. */
  readonly base: string;
  readonly path: string;
  check(headers: IncomingHttpHeaders, body: Record<string, unknown>): string[];
  authorised(headers: IncomingHttpHeaders, key: string): boolean;
  unauthorised(headers: IncomingHttpHeaders): FakeReply;
  unknownModel(model: string): FakeReply;
  success(body: Record<string, unknown>, text: string): unknown;
}

export function openAiCompletion(options: { text: string; model?: string; finishReason?: string | null }) {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_790_000_000,
    model: options.model ?? FAKE_MODEL,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: options.text },
        finish_reason: options.finishReason === undefined ? "stop" : options.finishReason,
      },
    ],
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  };
}

export function openAiError(message: string, type: string, extra: Record<string, unknown> = {}) {
  return { error: { message, type, param: null, code: null, ...extra } };
}

export function anthropicMessage(options: { text: string; model?: string; stopReason?: string | null }) {
  return {
    id: "msg_test",
    type: "message",
    role: "assistant",
    model: options.model ?? FAKE_MODEL,
    content: [{ type: "text", text: options.text }],
    stop_reason: options.stopReason === undefined ? "end_turn" : options.stopReason,
    stop_sequence: null,
    usage: { input_tokens: 20, output_tokens: 10 },
  };
}

export function anthropicError(type: string, message: string) {
  return { type: "error", error: { type, message } };
}

const OPENAI: Dialect = {
  base: "/v1",
  path: "/v1/chat/completions",
  check(_headers, body) {
    const problems: string[] = [];
    const messages = body.messages as Array<{ role?: unknown; content?: unknown }> | undefined;
    if (!Array.isArray(messages) || messages.length < 2) problems.push("messages must hold system and user");
    else {
      if (messages[0]?.role !== "system" || typeof messages[0].content !== "string")
        problems.push("the system prompt must be the first message, role system");
      if (messages[1]?.role !== "user")
        problems.push("the user prompt must be the second message, role user");
      for (const [index, message] of messages.slice(1).entries()) {
        if (message.role !== "user" && message.role !== "assistant")
          problems.push(`messages[${index + 1}].role must be user or assistant after the system prompt`);
        if (typeof message.content === "string") continue;
        if (message.role !== "user" || !Array.isArray(message.content))
          problems.push(`messages[${index + 1}].content must be a string (or content parts, for a user)`);
        else
          problems.push(
            ...message.content.flatMap((part, at) =>
              openAiPart(part, `messages[${index + 1}].content[${at}]`),
            ),
          );
      }
    }
    const tokens = body.max_tokens ?? body.max_completion_tokens;
    if (!Number.isInteger(tokens)) problems.push("max_tokens or max_completion_tokens must be an integer");
    if (body.temperature !== undefined && typeof body.temperature !== "number")
      problems.push("temperature must be a number");
    if (body.system !== undefined) problems.push("system is not a Chat Completions field");
    return problems;
  },
  authorised: (headers, key) => headers.authorization === `Bearer ${key}`,
  unauthorised(headers) {
    // OpenAI echoes the start and end of a wrong key: the provider must scrub even that.
    const sent = (headers.authorization ?? "").replace(/^Bearer /, "");
    const masked = sent ? `${sent.slice(0, 8)}*****${sent.slice(-3)}` : "";
    return {
      status: 401,
      body: openAiError(
        sent
          ? `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`
          : "You didn't provide an API key.",
        "invalid_request_error",
        { code: "invalid_api_key" },
      ),
    };
  },
  unknownModel: (model) => ({
    status: 404,
    body: openAiError(
      `The model \`${model}\` does not exist or you do not have access to it.`,
      "invalid_request_error",
      { code: "model_not_found" },
    ),
  }),
  success: (body, text) => openAiCompletion({ text, model: String(body.model) }),
};

const ANTHROPIC: Dialect = {
  base: "",
  path: "/v1/messages",
  check(headers, body) {
    const problems: string[] = [];
    if (headers["anthropic-version"] !== "2023-06-01") problems.push("anthropic-version header missing");
    if (typeof body.system !== "string")
      problems.push("the system prompt must be the top-level system field");
    const messages = body.messages as Array<{ role?: unknown; content?: unknown }> | undefined;
    if (!Array.isArray(messages) || messages.length === 0 || messages[0]?.role !== "user")
      problems.push("messages must start with a user message (system is not a role here)");
    else {
      for (const [index, message] of messages.entries()) {
        const where = `messages.${index}`;
        if (message.role !== "user" && message.role !== "assistant")
          problems.push(`${where}: role must be user or assistant`);
        if (index > 0 && message.role === messages[index - 1]?.role)
          problems.push(`${where}: roles must alternate between "user" and "assistant"`);
        if (typeof message.content === "string") {
          if (message.content === "") problems.push(`${where}: text content blocks must be non-empty`);
        } else if (!Array.isArray(message.content) || message.content.length === 0)
          problems.push(`${where}.content must be a string or a non-empty array of blocks`);
        else
          problems.push(
            ...message.content.flatMap((block, at) => anthropicBlock(block, `${where}.content.${at}`)),
          );
      }
    }
    if (!Number.isInteger(body.max_tokens)) problems.push("max_tokens is required and must be an integer");
    if (body.temperature !== undefined && typeof body.temperature !== "number")
      problems.push("temperature must be a number");
    if (headers.authorization !== undefined) problems.push("Anthropic takes x-api-key, not Authorization");
    return problems;
  },
  authorised: (headers, key) => headers["x-api-key"] === key,
  unauthorised: (headers) => ({
    status: 401,
    body: anthropicError(
      "authentication_error",
      headers["x-api-key"] ? "invalid x-api-key" : "x-api-key header is required",
    ),
  }),
  unknownModel: (model) => ({ status: 404, body: anthropicError("not_found_error", `model: ${model}`) }),
  success: (body, text) => anthropicMessage({ text, model: String(body.model) }),
};

/** The image types both APIs take, by their first bytes, as the real APIs check a declared type. */
function imageTypeOf(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(base64, "base64");
  const ascii = (offset: number, text: string) =>
    bytes.subarray(offset, offset + text.length).toString("latin1") === text;
  if (ascii(0, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (ascii(0, "\xff\xd8\xff")) return "image/jpeg";
  if (ascii(0, "GIF8")) return "image/gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  return "not an image";
}

function openAiPart(part: unknown, where: string): string[] {
  const fields = (typeof part === "object" && part !== null ? part : {}) as Record<string, unknown>;
  if (fields.type === "text")
    return typeof fields.text === "string" ? [] : [`${where}.text must be a string`];
  if (fields.type !== "image_url") return [`${where}.type must be text or image_url`];
  const image = fields.image_url as { url?: unknown } | undefined;
  const url = typeof image?.url === "string" ? image.url : "";
  if (/^https?:\/\//.test(url)) return [];
  const data = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.*)$/s.exec(url);
  if (!data)
    return [`${where}.image_url.url must be an http(s) URL or a base64 data URL of a PNG, JPEG, GIF or WebP`];
  const found = imageTypeOf(data[2] ?? "");
  if (found === undefined) return [`${where}: invalid base64 image data`];
  return found === data[1] ? [] : [`${where}: the image is ${found}, not ${data[1]}`];
}

function anthropicBlock(block: unknown, where: string): string[] {
  const fields = (typeof block === "object" && block !== null ? block : {}) as Record<string, unknown>;
  if (fields.type === "text")
    return typeof fields.text === "string" && fields.text !== ""
      ? []
      : [`${where}: text content blocks must be non-empty`];
  if (fields.type !== "image") return [`${where}.type must be text or image`];
  const source = (fields.source ?? {}) as Record<string, unknown>;
  if (source.type !== "base64") return [`${where}.source.type must be base64`];
  const declared = String(source.media_type);
  if (!["image/png", "image/jpeg", "image/gif", "image/webp"].includes(declared))
    return [
      `${where}.source.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`,
    ];
  const found = imageTypeOf(typeof source.data === "string" ? source.data : "");
  if (found === undefined) return [`${where}.source.data: invalid base64 data`];
  return found === declared ? [] : [`${where}: Image does not match the provided media type ${declared}`];
}

export function startFakeOpenAi(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  return start(OPENAI, { text: OPENAI_TEXT, ...options });
}

export function startFakeAnthropic(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  return start(ANTHROPIC, { text: ANTHROPIC_TEXT, ...options });
}

async function start(
  dialect: Dialect,
  options: FakeServerOptions & { text: string | ((prompt: string) => string) },
): Promise<FakeLlmServer> {
  const textFor = (fields: Record<string, unknown>) =>
    typeof options.text === "string" ? options.text : options.text(firstUserPrompt(fields));
  const models = options.models ?? [FAKE_MODEL];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const queue: FakeReply[] = [];
  const waiters: Array<{ count: number; resolve: (request: RecordedRequest) => void }> = [];
  const timers = new Set<NodeJS.Timeout>();

  function decide(headers: IncomingHttpHeaders, method: string, path: string, body: unknown): FakeReply {
    const problems: string[] = [];
    if (method !== "POST") problems.push(`method ${method}, not POST`);
    if (path !== dialect.path) {
      return { status: 404, body: "404 page not found" };
    }
    if (!String(headers["content-type"]).startsWith("application/json"))
      problems.push("content-type is not application/json");
    if (typeof body !== "object" || body === null) problems.push("the body is not a JSON object");
    const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof fields.model !== "string" || fields.model === "") problems.push("model is missing");
    problems.push(...dialect.check(headers, fields));
    if (problems.length > 0) {
      violations.push(...problems);
      return {
        status: 400,
        body: { error: { message: problems.join("; "), type: "invalid_request_error" } },
      };
    }
    if (options.apiKey !== undefined && !dialect.authorised(headers, options.apiKey)) {
      return dialect.unauthorised(headers);
    }
    const queued = queue.shift();
    if (queued) return queued;
    const custom = options.respond?.(firstUserPrompt(fields));
    if (custom) return { body: dialect.success(fields, textFor(fields)), ...custom };
    if (!models.includes(String(fields.model))) return dialect.unknownModel(String(fields.model));
    return { status: 200, body: dialect.success(fields, textFor(fields)) };
  }

  function send(
    response: ServerResponse,
    reply: FakeReply,
    fields: unknown,
    recorded: RecordedRequest,
  ): void {
    const status = reply.status ?? 200;
    if (reply.endless !== undefined) {
      response.writeHead(status, { "content-type": "application/json", ...reply.headers });
      const chunk = Buffer.from(reply.endless.repeat(Math.ceil(65_536 / reply.endless.length)));
      const pump = () => {
        while (!response.destroyed) {
          recorded.bytesSent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
      };
      pump();
      return;
    }
    const body =
      reply.body === undefined
        ? dialect.success(fields as Record<string, unknown>, textFor(fields as Record<string, unknown>))
        : reply.body;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    response.writeHead(status, {
      "content-type": typeof body === "string" ? "text/plain" : "application/json",
      ...reply.headers,
    });
    recorded.bytesSent += Buffer.byteLength(text);
    response.end(text);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {}
      const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
        aborted: false,
        bytesSent: 0,
        prompt: firstUserPrompt(fields),
      };
      requests.push(recorded);
      response.on("close", () => {
        if (!response.writableFinished) recorded.aborted = true;
        else recorded.status = response.statusCode;
      });
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
      const reply = decide(request.headers, recorded.method, recorded.path, body);
      if (reply.hang) return;
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!response.destroyed) send(response, reply, body, recorded);
        }, reply.delayMs);
        timers.add(timer);
        response.on("close", () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      send(response, reply, body, recorded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${dialect.base}`,
    requests,
    violations,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    waitForRequests(count) {
      const already = requests[count - 1];
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 with nothing listening: for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The text of the first user message, in either API's shape (a string, or an array of parts). */
function firstUserPrompt(fields: Record<string, unknown>): string {
  const messages = Array.isArray(fields.messages) ? (fields.messages as Array<Record<string, unknown>>) : [];
  const content = messages.find((message) => message.role === "user")?.content;
  if (typeof content === "string") return content;
  const parts = Array.isArray(content) ? (content as Array<Record<string, unknown>>) : [];
  return parts.map((part) => (typeof part.text === "string" ? part.text : "")).join("\n");
}
