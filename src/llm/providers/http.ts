import type { WritingBrief } from "../../kinds/brief.ts";
import { describeDuration } from "../../platform/duration.ts";
import type { Logger } from "../../platform/logger.ts";
import { readCapped } from "../../platform/read-capped.ts";
import type { ProviderConfig } from "./config.ts";
import { ProviderError, type ProviderFailure } from "./errors.ts";
import type { Completion, Provider } from "./provider.ts";
import { redactKeyLike } from "./secret.ts";
import { isRecord } from "./shape.ts";

/**
 * What differs between the two APIs; everything else (timeouts, retries, cancellation, errors,
 * redaction) is shared below. Plain fetch rather than the vendors' SDKs, whose retries ignore an overall
 * deadline and bend Retry-After: docs/decisions/plain-fetch-providers.md.
 */
export interface Dialect {
  /** e.g. "an OpenAI-compatible Chat Completions API", for "is --provider-url ...?" hints. */
  readonly api: string;
  readonly endpoint: URL;
  /** The variables that can hold the key, for "set ..." advice. */
  readonly keyVariables: string;
  /** An example --provider-url, for 404 advice. */
  readonly urlExample: string;
  /** Advice on a model the provider does not know. */
  readonly modelAdvice: string;
  headers(key: string | undefined): Record<string, string>;
  body(brief: WritingBrief): unknown;
  /** Reads a 2xx body, or says what is wrong with it. */
  read(json: unknown): Completion | { readonly malformed: string };
  /**
   * A 400 that names a parameter this model will not take (OpenAI's newer models refuse `max_tokens` and
   * any temperature but 1): change the request and say how, or return undefined.
   */
  adapt?(json: unknown): string | undefined;
}

export interface HttpDeps {
  readonly fetch: typeof fetch;
  readonly logger: Logger;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
}

/** 429 rate limited, 503 unavailable, 529 Anthropic's "overloaded": worth asking again after a wait. */
const RETRY_STATUSES = new Set([429, 503, 529]);
/** Backoff when the provider gives no Retry-After: 1 s, then 2 s. */
const FIRST_BACKOFF_MS = 1000;
/** How many request-shape changes (see Dialect.adapt) one generation may make. */
const MAX_ADAPTATIONS = 2;
const DETAIL_LIMIT = 300;
/**
 * The most of a reply body copydesk reads. Copy for one record is a few kilobytes (and 32 KB at most
 * is kept); a body past this is a broken or hostile server, and reading it whole would cost its size in
 * memory, up to 16 times at once in a job.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

interface Reply {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
}

export function createHttpProvider(config: ProviderConfig, dialect: Dialect, deps: HttpDeps): Provider {
  const redact = (text: string) => (config.apiKey ? config.apiKey.redact(text) : redactKeyLike(text));
  const fail = (failure: ProviderFailure, message: string, status?: number) =>
    new ProviderError(failure, redact(message), status);
  const log = {
    info: (message: string) => deps.logger.info(redact(message)),
    warning: (message: string) => deps.logger.warning(redact(message)),
    debug: (message: string) => deps.logger.debug(redact(message)),
  };
  const where = config.describe();
  const timeoutAdvice = `A slow or local model may need a longer --provider-timeout (now ${describeDuration(config.timeoutMs)}).`;

  const cancelled = () =>
    fail("cancelled", "The tool call was cancelled, so its request to the provider was cancelled too.");

  async function send(brief: WritingBrief, signal: AbortSignal, budgetMs: number): Promise<Reply> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, budgetMs);
    const onAbort = () => controller.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await deps.fetch(dialect.endpoint, {
        method: "POST",
        headers: dialect.headers(config.apiKey?.reveal()),
        body: JSON.stringify(dialect.body(brief)),
        signal: controller.signal,
      });
      // Read inside the try: the timeout and the cancel must cover a body that trickles in, too.
      const text = await readBody(response);
      return { status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      if (signal.aborted) throw cancelled();
      if (timedOut) {
        // Name the limit the user set, not what was left of it after earlier attempts.
        const limit = budgetMs < config.attemptTimeoutMs ? config.timeoutMs : budgetMs;
        throw fail("timeout", `${where} did not answer within ${describeDuration(limit)}. ${timeoutAdvice}`);
      }
      throw unreachable(error);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** The body as text, refused (and no longer read) past MAX_BODY_BYTES, whatever Content-Length says. */
  async function readBody(response: Response): Promise<string> {
    const declared = Number(response.headers.get("content-length"));
    // A compressed body's Content-Length is not what it decodes to: then only the stream decides.
    if (!response.headers.has("content-encoding") && declared > MAX_BODY_BYTES) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge(response.status);
    }
    const bytes = await readCapped(response.body, MAX_BODY_BYTES);
    if (!bytes) throw tooLarge(response.status);
    return new TextDecoder().decode(bytes);
  }

  function tooLarge(status: number): ProviderError {
    return fail(
      "too-large",
      `${where} answered HTTP ${status} with a body of more than ${MAX_BODY_BYTES / 1024 / 1024} MiB, copydesk's limit for a reply, so copydesk stopped reading it there. A reply for one record is a few kilobytes: check what serves --provider-url.`,
      status,
    );
  }

  function unreachable(error: unknown): ProviderError {
    const code = networkCode(error);
    const url = safeUrl(dialect.endpoint);
    const host = dialect.endpoint.host;
    if (code === "ECONNREFUSED") {
      return fail(
        "unreachable",
        `Nothing is listening at ${url} (connection refused). Is the server running? For Ollama, start it ` +
          "(`ollama serve`) and use --provider-url http://localhost:11434/v1; otherwise check --provider-url.",
      );
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
      return fail(
        "unreachable",
        `Could not find the host ${host} (DNS lookup failed: ${code}). Check --provider-url and the network.`,
      );
    }
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return fail(
        "timeout",
        `${where} stopped answering (${code}: Node's HTTP client waits at most 5 minutes for each part of a reply). Try again, or choose a faster model.`,
      );
    }
    if (code !== undefined && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
      return fail(
        "unreachable",
        `Could not make a secure connection to ${host} (${code}). Check --provider-url: a local server usually speaks http://, not https://.`,
      );
    }
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
      return fail(
        "disconnected",
        `The connection to ${url} closed before a complete answer arrived (${code}). Try again; if it keeps happening, check --provider-url.`,
      );
    }
    return fail(
      "unreachable",
      `Could not reach ${url}: ${messageOf(error)}${code ? ` (${code})` : ""}. Check --provider-url.`,
    );
  }

  function readSuccess(reply: Reply, brief: WritingBrief): Completion {
    const json = parseJson(reply.text);
    const completion = json === undefined ? undefined : dialect.read(json);
    if (completion && "malformed" in completion && isRecord(json) && json.error) {
      // Gateways (OpenRouter, LiteLLM) can report a failure in a 200: their words say what went wrong.
      const detail = errorDetail(json, reply.text, redact);
      if (detail) {
        throw fail(
          "provider-error",
          `${where} answered HTTP ${reply.status} with an error instead of a reply: "${detail.replace(/\.$/, "")}". Try again; if it keeps happening, the fault is on the provider's side.`,
          reply.status,
        );
      }
    }
    if (config.apiKey?.appearsIn(reply.text)) {
      // Stored, it would be returned, listed and logged from then on: no reply carrying the key gets in.
      throw fail(
        "bad-response",
        `${where} answered with the API key in its reply (in the text, the model name or elsewhere), so copydesk refused the reply rather than store or show it. Try again; if it keeps happening, check what serves --provider-url.`,
        reply.status,
      );
    }
    if (reply.text.trim() === "") {
      throw fail(
        "bad-response",
        `${where} answered HTTP ${reply.status} with an empty body. Is --provider-url ${dialect.api} (e.g. ${dialect.urlExample})?`,
        reply.status,
      );
    }
    if (json === undefined || completion === undefined) {
      throw fail(
        "bad-response",
        `${where} answered with something other than JSON (${preview(redact(reply.text))}). Is --provider-url ${dialect.api} (e.g. ${dialect.urlExample})?`,
        reply.status,
      );
    }
    if ("malformed" in completion) {
      throw fail(
        "bad-response",
        `${where} answered in an unexpected shape (${completion.malformed}). Is --provider-url ${dialect.api} (e.g. ${dialect.urlExample})?`,
        reply.status,
      );
    }
    // Out of tokens before any text: a reasoning model thinking; asking again would end the same way.
    // Any other empty reply is returned as it is, and asked for once more like an empty sampling reply.
    if (completion.text.trim() === "" && completion.stopReason === "maxTokens") {
      throw fail(
        "empty",
        `${completion.model} used all ${brief.maxTokens} tokens without writing any text for the ${brief.label}: reasoning models spend tokens thinking first. Choose a model without extended reasoning with --provider-model.`,
        reply.status,
      );
    }
    return completion;
  }

  function statusError(reply: Reply, json: unknown, detail: string, attempts: number): ProviderError {
    const { status } = reply;
    // Node calls statuses it has no name for (Anthropic's 529) "unknown".
    const name = reply.statusText && reply.statusText !== "unknown" ? ` ${reply.statusText}` : "";
    const http = `HTTP ${status}${name}`;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
    if (status === 401 || status === 403) {
      const advice = config.apiKey
        ? `Check the key: set ${dialect.keyVariables} to a valid key for ${dialect.endpoint.host}`
        : `No API key is set: set ${dialect.keyVariables}`;
      return fail(
        "auth",
        `${where} refused the request (${http})${detail}. ${advice} (--provider-api-key works too, but a flag shows in the process list).`,
        status,
      );
    }
    if (status === 404 || namesUnknownModel(status, json)) {
      return fail(
        "not-found",
        `${where} answered ${http}${detail}. ${dialect.modelAdvice.replaceAll("MODEL", config.model)}, and that --provider-url is the API root (e.g. ${dialect.urlExample}).`,
        status,
      );
    }
    if (status === 429) {
      return fail(
        "rate-limited",
        `${where} is rate limiting copydesk (${http}${tries})${detail}. Wait a minute and try again; if it persists, check the plan or quota of this API key.`,
        status,
      );
    }
    if (status >= 500) {
      return fail(
        "provider-error",
        `${where} is failing (${http}${tries})${detail}. The fault is on the provider's side: try again later.`,
        status,
      );
    }
    return fail("bad-request", `${where} refused the request (${http})${detail}.`, status);
  }

  return {
    async complete(brief, { signal }) {
      if (signal.aborted) throw cancelled();
      const started = deps.now();
      const deadline = started + config.timeoutMs;
      log.info(`Asking ${where} for a ${brief.label}`);
      let attempt = 1;
      let adaptations = 0;
      for (;;) {
        const left = deadline - deps.now();
        if (left <= 0) {
          throw fail(
            "timeout",
            `${where} did not answer within ${describeDuration(config.timeoutMs)}. ${timeoutAdvice}`,
          );
        }
        const reply = await send(brief, signal, Math.min(config.attemptTimeoutMs, left));
        if (reply.status >= 200 && reply.status < 300) {
          const completion = readSuccess(reply, brief);
          log.info(
            `Received a ${brief.label} from ${completion.model}${completion.stopReason === "maxTokens" ? " (cut off at maxTokens)" : ""} in ${describeDuration(Math.max(1, Math.round(deps.now() - started)))}`,
          );
          return completion;
        }
        const json = parseJson(reply.text);
        if (reply.status === 400 && adaptations < MAX_ADAPTATIONS) {
          const change = dialect.adapt?.(json);
          if (change !== undefined) {
            adaptations++;
            log.info(`${config.model} does not take this request as sent; sending it again with ${change}`);
            continue;
          }
        }
        const detail = errorDetail(json, reply.text, redact);
        if (!RETRY_STATUSES.has(reply.status) || attempt >= config.maxAttempts) {
          throw statusError(reply, json, detail ? `: "${redact(detail).replace(/\.$/, "")}"` : "", attempt);
        }
        const wait = retryAfterMs(reply.headers, deps.now()) ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
        const remaining = deadline - deps.now();
        if (wait >= remaining) {
          throw fail(
            reply.status === 429 ? "rate-limited" : "provider-error",
            `${where} answered HTTP ${reply.status} and asked copydesk to wait ${describeDuration(Math.ceil(wait))} before trying again, longer than the ${describeDuration(Math.max(0, Math.round(remaining)))} left of --provider-timeout. Try again later.`,
            reply.status,
          );
        }
        attempt++;
        log.warning(
          `${where} answered HTTP ${reply.status}; trying again in ${describeDuration(Math.ceil(wait))} (attempt ${attempt} of ${config.maxAttempts})`,
        );
        try {
          await deps.sleep(wait, signal);
        } catch (error) {
          if (signal.aborted) throw cancelled();
          throw error;
        }
        if (signal.aborted) throw cancelled();
      }
    },
  };
}

/**
 * A 400 or 422 that says the model does not exist: OpenAI's code `model_not_found`, or the words of
 * servers that answer an unknown model so (LiteLLM, some vLLM and llama.cpp versions).
 */
function namesUnknownModel(status: number, json: unknown): boolean {
  if (status !== 400 && status !== 422) return false;
  const error = (json as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown }
    | undefined;
  if (typeof error !== "object" || error === null) return false;
  if (error.code === "model_not_found") return true;
  const message = typeof error.message === "string" ? error.message : "";
  return /\binvalid model name\b|\bmodel\b[^.]{0,80}\b(?:not found|does not exist)\b/i.test(message);
}

/** Retry-After as seconds or an HTTP date (RFC 9110 10.2.3), or the non-standard retry-after-ms. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  // Only an HTTP date, which starts with the day's name: Date.parse reads "-5" as the year -5.
  if (!/^\s*[A-Za-z]{3},?\s/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The provider's own explanation, from the error shapes of OpenAI, Anthropic, Ollama, vLLM, llama.cpp.
 * Redacted before it is clipped: a clip through the middle of a key would leave a piece no redaction knows.
 */
function errorDetail(json: unknown, text: string, redact: (text: string) => string): string {
  const body = json as
    | { error?: unknown; message?: unknown; detail?: unknown }
    | string
    | number
    | null
    | undefined;
  let found: unknown;
  if (body && typeof body === "object") {
    const error = body.error as { message?: unknown } | string | undefined;
    found =
      (typeof error === "object" && error !== null ? error.message : error) ?? body.message ?? body.detail;
  }
  if (typeof found === "string" && found.trim() !== "") return clip(redact(found));
  if (json === undefined && text.trim() !== "" && !text.trimStart().startsWith("<"))
    return clip(redact(text));
  return "";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > DETAIL_LIMIT ? `${flat.slice(0, DETAIL_LIMIT)}…` : flat;
}

function preview(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("<")) return "an HTML page";
  return `it began "${clip(trimmed).slice(0, 80)}"`;
}

/** fetch wraps the socket error: "fetch failed" with the code one or two causes down. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (current instanceof AggregateError) {
      const inner = current.errors.map(networkCode).find((found) => found !== undefined);
      if (inner) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** A URL for messages: no user, password, query or fragment, which may hold credentials. */
export function safeUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  copy.search = "";
  copy.hash = "";
  return copy.href;
}
