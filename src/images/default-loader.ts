import { type ImageNetworkOptions, imageLoaderDeps } from "./image-loader-deps.ts";
import { type ImageLoaderDeps, type LoadedImage, loadImage } from "./load-image.ts";

/** Loads images from this machine's files and the network, as createServer() needs them. */
export function defaultImageLoader(
  options: Partial<ImageLoaderDeps> & ImageNetworkOptions = {},
): (source: string, signal: AbortSignal) => Promise<LoadedImage> {
  const deps = imageLoaderDeps(options);
  return (source, signal) => loadImage(source, deps, signal);
}
