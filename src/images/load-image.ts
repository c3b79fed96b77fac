// STAND-IN until the image branch lands.
export interface LoadedImage {
  readonly source: string;
  readonly mimeType: string;
  readonly data: string;
  readonly sha256: string;
  readonly bytes: number;
}
export class ImageError extends Error {}
export interface ImageLoaderDeps {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly fetch: typeof fetch;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly cwd: string;
}
export function loadImage(source: string, deps: ImageLoaderDeps, signal?: AbortSignal): Promise<LoadedImage> {
  void deps;
  void signal;
  return Promise.reject(new ImageError(`images are not supported yet (${source.slice(0, 40)})`));
}
