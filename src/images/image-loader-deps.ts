import { type ImageRequestOptions, imageRequest } from "./image-request.ts";
import type { ImageLoaderDeps } from "./load-image.ts";
import { readFileUpTo } from "./read-file-up-to.ts";

/** The limit; note Anthropic counts its own 5 MB on the base64 text, i.e. 3.75 MB of image. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TIMEOUT_MS = 30_000;

/** What decides the network the images come from; private addresses are refused unless allowed. */
export type ImageNetworkOptions = Partial<ImageRequestOptions>;

/** The real file system and network, for createServer(); tests pass their own. */
export function imageLoaderDeps(
  options: Partial<ImageLoaderDeps> & ImageNetworkOptions = {},
): ImageLoaderDeps {
  const { privateAddresses = false, lookup, ...rest } = options;
  const maxBytes = rest.maxBytes ?? IMAGE_MAX_BYTES;
  return {
    readFile: readFileUpTo(maxBytes),
    // Read on use: Node compiles its fetch (undici) the first time globalThis.fetch is read, which
    // would cost every start, image or not.
    fetch: (input, init) => globalThis.fetch(input, init),
    request: imageRequest({ privateAddresses, ...(lookup ? { lookup } : {}) }),
    timeoutMs: IMAGE_TIMEOUT_MS,
    cwd: process.cwd(),
    ...rest,
    maxBytes,
  };
}
