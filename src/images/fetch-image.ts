import { describeDuration } from "../platform/duration.ts";
import { readCapped } from "../platform/read-capped.ts";
import { PrivateAddressError } from "./checked-lookup.ts";
import { describeSize, describeSource, ImageError } from "./image-error.ts";
import type { ImageRequest } from "./image-request.ts";

export interface FetchImageDeps {
  readonly request: ImageRequest;
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = "image/png, image/jpeg, image/webp, image/gif;q=0.9, */*;q=0.1";

/**
 * Downloads an image over http(s). Redirects are followed by hand so that each hop is checked: only
 * to http(s), at most five. The body is read as a stream and dropped as soon as it passes maxBytes,
 * whatever Content-Length said. One timeout covers every hop and the body. A refused address (see
 * imageRequest) is one fixed sentence; a failure names the status number, never the reason phrase.
 */
export async function fetchImage(url: URL, deps: FetchImageDeps, signal?: AbortSignal): Promise<Uint8Array> {
  const name = describeSource(url.href);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), deps.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let current = url;
  let redirects = 0;
  try {
    for (; ; redirects++) {
      const response = await deps.request(current, {
        signal: combined,
        headers: { accept: ACCEPT },
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        await discard(response);
        current = nextHop(response, current, name, redirects);
        continue;
      }
      if (!response.ok) {
        await discard(response);
        throw new ImageError(
          `The image at ${name} could not be fetched: the server answered ${response.status}.`,
        );
      }
      const declared = Number(response.headers.get("content-length"));
      // A compressed body's Content-Length is not the image's size: then only the stream decides.
      if (!response.headers.has("content-encoding") && declared > deps.maxBytes) {
        await discard(response);
        throw tooLarge(name, deps.maxBytes, `it is ${describeSize(declared)}`);
      }
      const bytes = await readCapped(response.body, deps.maxBytes);
      if (!bytes) throw tooLarge(name, deps.maxBytes, "copydesk stopped reading it there");
      return bytes;
    }
  } catch (error) {
    if (error instanceof ImageError) throw error;
    if (causedBy(error, PrivateAddressError)) throw refusedAddress(name, redirects > 0);
    if (signal?.aborted) {
      throw new ImageError(`The tool call was cancelled while the image at ${name} was being fetched.`, {
        cause: error,
      });
    }
    if (timeout.signal.aborted) {
      throw new ImageError(
        `The image at ${name} did not arrive within ${describeDuration(deps.timeoutMs)}. Check the URL, ` +
          "or download the image and pass its file path.",
        { cause: error },
      );
    }
    throw new ImageError(`The image at ${name} could not be fetched: ${networkDetail(error)}.`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

function nextHop(response: Response, current: URL, name: string, redirects: number): URL {
  const location = response.headers.get("location");
  if (!location) {
    throw new ImageError(
      `The image at ${name} could not be fetched: the server answered ${response.status} (a redirect) without saying where to.`,
    );
  }
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new ImageError(
      `The image at ${name} could not be fetched: it redirects to ${JSON.stringify(location)}, which is not a URL.`,
    );
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new ImageError(
      `The image at ${name} redirects to a ${next.protocol} URL; copydesk follows redirects only to http and https.`,
    );
  }
  if (redirects >= MAX_REDIRECTS) {
    throw new ImageError(
      `The image at ${name} could not be fetched: it redirects more than ${MAX_REDIRECTS} times.`,
    );
  }
  return next;
}

/** Releases the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

/** Says neither the address nor whether anything listens there: only that copydesk did not connect. */
function refusedAddress(name: string, redirected: boolean): ImageError {
  return new ImageError(
    `The image at ${name} was not fetched: ${redirected ? "it redirects to" : "it is on"} a loopback, private or ` +
      "link-local network address, which this copydesk server does not connect to for a caller. Use a " +
      "public URL or a data: URL (the server's operator can allow such addresses with --allow-private-images).",
  );
}

function causedBy(error: unknown, type: new () => Error): boolean {
  let reason: unknown = error;
  while (reason instanceof Error) {
    if (reason instanceof type) return true;
    reason = (reason as Error).cause;
  }
  return false;
}

function tooLarge(name: string, maxBytes: number, detail: string): ImageError {
  return new ImageError(
    `The image at ${name} is larger than copydesk's limit of ${describeSize(maxBytes)} (${detail}). ` +
      "Use a smaller image: a product photo of 1500 pixels on its long side is plenty.",
  );
}

/** fetch() says only "fetch failed": the reason (ECONNREFUSED, ENOTFOUND, a certificate) is in its cause. */
function networkDetail(error: unknown): string {
  let reason: unknown = error;
  while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
  const message = reason instanceof Error ? reason.message : String(reason);
  const code = (reason as { code?: unknown } | undefined)?.code;
  const hint =
    code === "ENOTFOUND"
      ? " (no such host)"
      : code === "ECONNREFUSED"
        ? " (connection refused)"
        : code === "ECONNRESET"
          ? " (the connection was reset)"
          : "";
  return `${message}${hint}`;
}
