import { join, win32 } from "node:path";

export interface CacheDirEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

/**
 * Where the release build keeps Node binaries (~110 MB per target): COPYDESK_NODE_CACHE if set, else the
 * per-user cache folder. Not in node_modules, which `npm ci` deletes: the next build would download
 * every binary again.
 */
export function nodeCacheDir({ platform, env, homedir }: CacheDirEnvironment): string {
  if (env.COPYDESK_NODE_CACHE) return env.COPYDESK_NODE_CACHE;
  if (platform === "win32") {
    const base = env.LOCALAPPDATA || win32.join(homedir, "AppData", "Local");
    return win32.join(base, "copydesk", "Cache", "node");
  }
  if (platform === "darwin") return join(homedir, "Library", "Caches", "copydesk", "node");
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg?.startsWith("/") ? xdg : join(homedir, ".cache"), "copydesk", "node");
}
