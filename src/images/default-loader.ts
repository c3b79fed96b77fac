import { readFile } from "node:fs/promises";
import { type LoadedImage, loadImage } from "./load-image.ts";

/** The most an image may weigh: what both providers and MCP clients accept. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 30_000;

/** Loads images from this machine's files and the network, relative paths from `cwd`. */
export function defaultImageLoader(
  cwd: string,
): (source: string, signal: AbortSignal) => Promise<LoadedImage> {
  return (source, signal) =>
    loadImage(
      source,
      { readFile, fetch, maxBytes: MAX_IMAGE_BYTES, timeoutMs: IMAGE_TIMEOUT_MS, cwd },
      signal,
    );
}
