import { join, win32 } from "node:path";

export interface DataDirEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

/**
 * The per-user data directory each OS expects: XDG on Linux and other Unixes, Application Support on
 * macOS, Local AppData on Windows (local, not roaming: a SQLite WAL database must not roam).
 */
export function defaultDataDir({ platform, env, homedir }: DataDirEnvironment): string {
  if (platform === "win32") {
    const base = env.LOCALAPPDATA || win32.join(homedir, "AppData", "Local");
    return win32.join(base, "copydesk");
  }
  if (platform === "darwin") {
    return join(homedir, "Library", "Application Support", "copydesk");
  }
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg?.startsWith("/") ? xdg : join(homedir, ".local", "share");
  return join(base, "copydesk");
}
