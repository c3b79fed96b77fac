import type { IncomingMessage } from "node:http";

/** Largest request body accepted; the SDK uses the same default. Tool inputs are far smaller. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Sessions open at once; a new one beyond this gets 503 until another ends or idles out. */
export const MAX_SESSIONS = 100;

export type BodyResult = { readonly type: "ok"; readonly text: string } | { readonly type: "too-large" };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before
 * anything is read; a chunked body stops being read as soon as it passes the limit.
 */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (Number(request.headers["content-length"]) > limit) return Promise.resolve({ type: "too-large" });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop reading but keep the socket: the 413 still has to go out on it.
      request.off("data", onData);
      request.pause();
      resolve({ type: "too-large" });
    };
    request.on("data", onData);
    request.once("end", () => resolve({ type: "ok", text: Buffer.concat(chunks).toString("utf8") }));
    request.once("error", reject);
  });
}

/** A declared Content-Length over the limit. */
export function declaresTooLarge(request: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  return Number(request.headers["content-length"]) > limit;
}

/** "Expect: 100-continue": the client sends the body only once told to go on. */
export function expectsContinue(request: IncomingMessage): boolean {
  return /^\s*100-continue\s*$/i.test(request.headers.expect ?? "");
}

/**
 * Reads and drops the rest of a refused body, resolving once it has all arrived: a 413 sent earlier on
 * a connection that closes after the response (Connection: close) cuts off a client still uploading,
 * which sees EPIPE instead of the 413 (Node's http client does; curl and fetch stop sooner). Past
 * `limit` more bytes the connection is cut. Resolves false when it was.
 */
export function discardBody(request: IncomingMessage, limit = 4 * MAX_BODY_BYTES): Promise<boolean> {
  return new Promise((resolve) => {
    if (request.complete) return resolve(true);
    let dropped = 0;
    request.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > limit) {
        request.destroy();
        resolve(false);
      }
    });
    request.once("end", () => resolve(true));
    request.once("close", () => resolve(request.complete));
    request.resume();
  });
}
