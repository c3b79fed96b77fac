import { join, win32 } from "node:path";

export interface UserFolderEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

export type UserFolderPurpose = "data" | "cache";

/**
 * An app's per-user folder for `purpose` where each OS expects it, with `below` appended: XDG on Linux and
 * other Unixes, Library on macOS, Local AppData on Windows (local, not roaming: a SQLite WAL database and
 * 100 MB binaries must not roam).
 */
export function userFolder(
  purpose: UserFolderPurpose,
  app: string,
  { platform, env, homedir }: UserFolderEnvironment,
  ...below: string[]
): string {
  if (platform === "win32") {
    const base = env.LOCALAPPDATA || win32.join(homedir, "AppData", "Local");
    return win32.join(base, app, ...(purpose === "cache" ? ["Cache"] : []), ...below);
  }
  if (platform === "darwin") {
    return join(homedir, "Library", purpose === "cache" ? "Caches" : "Application Support", app, ...below);
  }
  const xdg = purpose === "cache" ? env.XDG_CACHE_HOME : env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_*_HOME is invalid and must be ignored.
  const fallback = purpose === "cache" ? join(homedir, ".cache") : join(homedir, ".local", "share");
  return join(xdg?.startsWith("/") ? xdg : fallback, app, ...below);
}
