import type { IncomingMessage } from "node:http";
import type { LookupFunction } from "node:net";
import { checkedLookup, PrivateAddressError } from "./checked-lookup.ts";
import { hostAddress, isPrivateAddress } from "./private-address.ts";

/** One GET of an http(s) URL, redirects not followed; the body is a stream. */
export type ImageRequest = (
  url: URL,
  init: { readonly signal: AbortSignal; readonly headers: Readonly<Record<string, string>> },
) => Promise<Response>;

export interface ImageRequestOptions {
  /** false: refuse loopback, private, link-local and unique-local addresses (see isPrivateAddress). */
  readonly privateAddresses: boolean;
  /** DNS; dns.lookup when omitted. Tests pass a fake one to play public and internal names. */
  readonly lookup?: LookupFunction;
}

const NULL_BODY = new Set([204, 205, 304]);

/**
 * http(s) through node:http rather than fetch: only it takes a `lookup` for the connection, so the
 * address checked is the address connected to. No Accept-Encoding is sent, so the body is the image.
 */
export function imageRequest(options: ImageRequestOptions): ImageRequest {
  // The modules are looked up on first use: node:http(s) at start-up cost a stdio start ~25 ms, and they
  // hold native handles the executable's startup snapshot cannot take.
  const resolve: LookupFunction =
    options.lookup ?? ((...args) => process.getBuiltinModule("node:dns").lookup(...args));
  const lookup = options.privateAddresses ? resolve : checkedLookup(resolve);
  return (url, init) =>
    new Promise<Response>((done, fail) => {
      // An address in the URL (also 2130706433 or 0x7f.1, which URL writes as 127.0.0.1) is never looked up.
      const literal = hostAddress(url.hostname);
      if (!options.privateAddresses && literal !== undefined && isPrivateAddress(literal)) {
        fail(new PrivateAddressError());
        return;
      }
      const send =
        url.protocol === "https:"
          ? process.getBuiltinModule("node:https").request
          : process.getBuiltinModule("node:http").request;
      const request = send(
        url,
        { method: "GET", headers: init.headers, signal: init.signal, lookup, agent: false },
        (response) => {
          try {
            done(toResponse(response));
          } catch (error) {
            response.destroy();
            fail(error);
          }
        },
      );
      request.on("error", fail);
      request.end();
    });
}

function toResponse(response: IncomingMessage): Response {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 599) throw new Error(`the server answered ${status}`);
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.append(raw[index] as string, raw[index + 1] as string);
  }
  if (NULL_BODY.has(status)) {
    response.resume();
    return new Response(null, { status, headers });
  }
  // The reason phrase is left out on purpose: it is the server's text, and no message repeats it.
  const { Readable } = process.getBuiltinModule("node:stream");
  return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status, headers });
}
