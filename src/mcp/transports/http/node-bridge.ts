import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The SDK's Node transport converts requests through @hono/node-server (about 46 KB more in the
 * bundle we measure cold start on). These two functions are all copydesk needs from it: the body is
 * already read and parsed by the caller, and the transport only reads headers, method and URL.
 */
export function toWebRequest(request: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(new URL(request.url ?? "/", origin), { method: request.method ?? "GET", headers });
}

/**
 * Copies a web Response to Node, streaming the body chunk by chunk (SSE events must not wait for the
 * end of the stream). When the client goes away the body is cancelled, which tells the SDK the stream
 * is gone.
 */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // An SSE stream may stay silent until the client's model answers: the headers go out now.
  res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => {
      // Already closed.
    });
  };
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // Cancelled because the client left; nothing to send to.
  } finally {
    res.off("close", cancel);
    res.end();
  }
}
