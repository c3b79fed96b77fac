/**
 * Why a server-side generation failed. Kept apart from the sampling module's GenerationFailure: the
 * causes (keys, models, URLs, rate limits) and so the advice differ.
 */
export type ProviderFailure =
  /** 401/403, or no key where one is needed: the message names the variable to set. */
  | "auth"
  /** 404, or a refusal that names an unknown model: usually the model (not pulled, misspelt), sometimes a URL without /v1. */
  | "not-found"
  /** 400/422 and other 4xx: the provider refused the request; its own reason is quoted. */
  | "bad-request"
  /** 429 after every retry, or a Retry-After that would not fit in the time left. */
  | "rate-limited"
  /** 5xx (503/529 after retries). */
  | "provider-error"
  /** Connection refused, unknown host, TLS: nothing answered at the URL. */
  | "unreachable"
  /** The connection closed before a complete answer (reset, socket closed): worth trying again. */
  | "disconnected"
  | "timeout"
  /** The tool call was cancelled; the HTTP request was aborted with it. */
  | "cancelled"
  /** A body longer than copydesk reads (MAX_BODY_BYTES), whatever the status: that reply only, not lasting. */
  | "too-large"
  /** 2xx with an empty, non-JSON or unexpectedly shaped body. */
  | "bad-response"
  /** A well-formed reply with no text in it (e.g. a reasoning model spent every token thinking). */
  | "empty";

/**
 * A failure the user can act on. The message has been redacted of the API key before construction and
 * no `cause` is attached: library and fetch errors can carry headers, and whoever logs this error whole
 * must not be able to leak the key through it.
 */
export class ProviderError extends Error {
  readonly failure: ProviderFailure;
  /** The HTTP status, when the provider answered. */
  readonly status: number | undefined;

  constructor(failure: ProviderFailure, message: string, status?: number) {
    super(message);
    this.name = "ProviderError";
    this.failure = failure;
    this.status = status;
  }
}
