import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { WritingBrief } from "../kinds/brief.ts";
import { fetchImage } from "./fetch-image.ts";
import { describeSize, describeSource, ImageError } from "./image-error.ts";
import type { ImageRequest } from "./image-request.ts";
import { sniffImageType } from "./image-type.ts";

export { ImageError } from "./image-error.ts";

/** An image read, checked and ready to send to a model. */
export interface LoadedImage {
  /**
   * Where it came from, to store with the product: the absolute path of a file, the URL as given, or
   * "data: URL, N bytes" (a data: URL is not kept: the SHA-256 identifies it).
   */
  readonly source: string;
  readonly mimeType: string;
  /** base64 */
  readonly data: string;
  /** hex */
  readonly sha256: string;
  readonly bytes: number;
}

export interface ImageLoaderDeps {
  /** Should stop reading past maxBytes + 1 (see readFileUpTo): a path may name a huge file. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** For data: URLs: the platform's fetch reads those by the standard. */
  readonly fetch: typeof fetch;
  /** For http(s) URLs and their redirects: imageRequest, which refuses private addresses unless told. */
  readonly request: ImageRequest;
  /** 5 MB */
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** A relative path is read from here. */
  readonly cwd: string;
  /** What `~/` means; the current user's home folder when omitted. */
  readonly homeDir?: string;
  /**
   * false: refuse file paths and file: URLs. For a server reached over HTTP, where a path would name a
   * file on the server, not on the user's computer, and a remote caller should not read the server's disk.
   */
  readonly localFiles?: boolean;
}

/**
 * Reads an image from a local file path (absolute, `~/`, or relative to cwd; a `file:` URL too), a
 * `data:` URL, or an http(s) URL, and checks it before anyone is asked to write: a supported type by
 * its bytes, within maxBytes. Every expected failure is an ImageError that names the source.
 */
export async function loadImage(
  source: string,
  deps: ImageLoaderDeps,
  signal?: AbortSignal,
): Promise<LoadedImage> {
  const given = source.trim();
  if (given === "") throw new ImageError("No image was given: the image source is empty.");
  let bytes: Uint8Array;
  let stored: (bytes: number) => string;
  let name: string;
  let downloaded = false;
  if (/^data:/i.test(given)) {
    bytes = await readDataUrl(given, deps.fetch);
    stored = (count) => `data: URL, ${count} bytes`;
    name = describeSource(given);
  } else if (/^https?:\/\//i.test(given)) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new ImageError(`The image source ${describeSource(given)} is not a valid URL.`);
    }
    if (url.username || url.password) {
      url.username = "";
      url.password = "";
      throw new ImageError(
        `The image URL ${describeSource(url.href)} carries a user name or password, which copydesk does not send: use a URL that works without them, or a data: URL.`,
      );
    }
    bytes = await fetchImage(url, deps, signal);
    downloaded = true;
    stored = () => given;
    name = `the image at ${describeSource(given)}`;
  } else {
    const path = localPath(given, deps);
    if (deps.localFiles === false) {
      throw new ImageError(
        `This copydesk server does not read images from its own disk, so it cannot use ${describeSource(given)}: ` +
          "it is reached over HTTP, and a path would name a file on the server, not on your computer. " +
          "Pass the image as an http(s) URL or a data: URL.",
      );
    }
    bytes = await readLocal(given, path, deps);
    stored = () => path;
    name = `the file ${describeSource(path)}`;
  }
  if (bytes.byteLength > deps.maxBytes) {
    throw new ImageError(
      // Only maxBytes + 1 of a file may have been read: its size is not known, only that it is over.
      `${capitalise(name)} is larger than copydesk's limit of ${describeSize(deps.maxBytes)}. ` +
        "Use a smaller image: a product photo of 1500 pixels on its long side is plenty.",
    );
  }
  const type = sniffImageType(bytes, { quoteBytes: !downloaded });
  if (!type.supported) {
    throw new ImageError(
      `${capitalise(name)} is not an image copydesk can send (found ${type.found}). Use a PNG, JPEG, GIF or WebP image.`,
    );
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    source: stored(bytes.byteLength),
    mimeType: type.mimeType,
    data: buffer.toString("base64"),
    sha256: createHash("sha256").update(buffer).digest("hex"),
    bytes: bytes.byteLength,
  };
}

/** The brief's `image` field for a loaded image. */
export function imageForBrief(image: LoadedImage): NonNullable<WritingBrief["image"]> {
  return { mimeType: image.mimeType, data: image.data };
}

/** The platform's data: URL reader (base64 or percent-encoded, with media type parameters). */
async function readDataUrl(url: string, fetchUrl: typeof fetch): Promise<Uint8Array> {
  try {
    const response = await fetchUrl(url);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new ImageError(
      "The image's data: URL cannot be read: it must look like data:image/png;base64,iVBORw0KGgo... " +
        "(base64) or carry percent-encoded bytes after the comma.",
      { cause: error },
    );
  }
}

function localPath(given: string, deps: ImageLoaderDeps): string {
  // A Windows drive letter (C:\...) is a path, not a URL scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given)) {
    if (/^file:/i.test(given)) {
      try {
        return fileURLToPath(given);
      } catch (error) {
        throw new ImageError(`The image source ${describeSource(given)} is not a valid file: URL.`, {
          cause: error,
        });
      }
    }
    const scheme = given.slice(0, given.indexOf(":") + 1).toLowerCase();
    throw new ImageError(
      `The image source ${describeSource(given)} is a ${scheme} URL; copydesk reads an image from a file ` +
        "path, a data: URL or an http(s) URL.",
    );
  }
  if (given === "~" || given.startsWith("~/") || given.startsWith("~\\")) {
    return join(deps.homeDir ?? homedir(), given.slice(1));
  }
  return isAbsolute(given) ? resolve(given) : resolve(deps.cwd, given);
}

async function readLocal(given: string, path: string, deps: ImageLoaderDeps): Promise<Uint8Array> {
  try {
    return await deps.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const where = path === given ? `"${path}"` : `${describeSource(given)} (${path})`;
    const relative = !isAbsolute(given) && !given.startsWith("~");
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new ImageError(
        `There is no image file at ${where}.` +
          (relative
            ? ` A relative path is read from copydesk's working folder, ${deps.cwd}: give an absolute path.`
            : ""),
        { cause: error },
      );
    }
    if (code === "EISDIR") {
      throw new ImageError(`${capitalise(where)} is a folder, not an image file.`, { cause: error });
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new ImageError(`copydesk may not read the image file ${where} (permission denied).`, {
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ImageError(`The image file ${where} could not be read: ${message}`, { cause: error });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
