import { posix, win32 } from "node:path";

export const CLIENT_IDS = ["vscode", "claude-desktop", "cursor", "claude-code"] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** How the client should start copydesk: an absolute command, its arguments and extra variables. */
export interface Launch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface Where {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly cwd: string;
  /** The project-level file instead of the per-user one. */
  readonly workspace: boolean;
  /** Names in a folder, [] if it cannot be read; used to find a packaged (MSIX) Claude Desktop on Windows. */
  readonly listDir?: (path: string) => readonly string[];
}

/** A config file location, or why there is no default one. */
export type ConfigLocation =
  | { readonly path: string; readonly scope: string }
  | { readonly path?: undefined; readonly missing: string };

export interface ClientSpec {
  readonly id: ClientId;
  readonly name: string;
  /** The top-level object that maps server names to entries. */
  readonly serversKey: "servers" | "mcpServers";
  /** VS Code reads its mcp.json as JSONC; the others use a strict JSON parser. */
  readonly jsonc: boolean;
  /** Whether the client answers MCP sampling requests (see shared/notes/sampling.md). */
  readonly sampling: boolean;
  entry(launch: Launch): Record<string, unknown>;
  location(where: Where): ConfigLocation;
}

function pathApi(platform: NodeJS.Platform) {
  return platform === "win32" ? win32 : posix;
}

/** Where Electron apps keep per-user settings: what VS Code and Claude Desktop call appData. */
function appData({ platform, env, homedir }: Where): string {
  const { join } = pathApi(platform);
  if (platform === "win32") return env.APPDATA || join(homedir, "AppData", "Roaming");
  if (platform === "darwin") return join(homedir, "Library", "Application Support");
  return env.XDG_CONFIG_HOME || join(homedir, ".config");
}

function plainEntry(launch: Launch): Record<string, unknown> {
  return {
    command: launch.command,
    args: [...launch.args],
    ...(Object.keys(launch.env).length > 0 ? { env: { ...launch.env } } : {}),
  };
}

function stdioEntry(launch: Launch): Record<string, unknown> {
  return { type: "stdio", ...plainEntry(launch) };
}

export const CLIENTS: Readonly<Record<ClientId, ClientSpec>> = {
  vscode: {
    id: "vscode",
    name: "VS Code",
    serversKey: "servers",
    jsonc: true,
    sampling: true,
    entry: stdioEntry,
    location(where) {
      const { join } = pathApi(where.platform);
      if (where.workspace) return { path: join(where.cwd, ".vscode", "mcp.json"), scope: "this workspace" };
      return { path: join(appData(where), "Code", "User", "mcp.json"), scope: "your user profile" };
    },
  },
  "claude-desktop": {
    id: "claude-desktop",
    name: "Claude Desktop",
    serversKey: "mcpServers",
    jsonc: false,
    sampling: false,
    entry: plainEntry,
    location(where) {
      if (where.workspace) return { missing: "Claude Desktop has no per-project configuration" };
      if (where.platform !== "darwin" && where.platform !== "win32") {
        return { missing: `Claude Desktop has no official build for ${where.platform}, so no default file` };
      }
      const { join } = pathApi(where.platform);
      const file = "claude_desktop_config.json";
      if (where.platform === "win32") {
        // Since early 2026 the Windows installer is an MSIX package, which reads its own virtualised copy
        // of %APPDATA%: a file at the documented path is silently ignored (anthropics/claude-code #25579).
        const packages = join(where.env.LOCALAPPDATA || join(where.homedir, "AppData", "Local"), "Packages");
        const packaged = (where.listDir?.(packages) ?? [])
          .filter((name) => name.startsWith("Claude_"))
          .sort();
        if (packaged[0]) {
          const roaming = join(packages, packaged[0], "LocalCache", "Roaming");
          return { path: join(roaming, "Claude", file), scope: "your user, packaged (MSIX) install" };
        }
      }
      return { path: join(appData(where), "Claude", file), scope: "your user" };
    },
  },
  cursor: {
    id: "cursor",
    name: "Cursor",
    serversKey: "mcpServers",
    jsonc: false,
    sampling: false,
    entry: plainEntry,
    location(where) {
      const { join } = pathApi(where.platform);
      if (where.workspace) return { path: join(where.cwd, ".cursor", "mcp.json"), scope: "this project" };
      return { path: join(where.homedir, ".cursor", "mcp.json"), scope: "global, for every project" };
    },
  },
  "claude-code": {
    id: "claude-code",
    name: "Claude Code",
    serversKey: "mcpServers",
    jsonc: false,
    sampling: false,
    entry: stdioEntry,
    location(where) {
      const { join } = pathApi(where.platform);
      // Project scope is a plain file meant for version control; user scope lives inside ~/.claude.json.
      if (where.workspace) return { path: join(where.cwd, ".mcp.json"), scope: "project scope, shared" };
      return { path: join(where.homedir, ".claude.json"), scope: "your user (all projects)" };
    },
  },
};

export function isClientId(text: string): text is ClientId {
  return (CLIENT_IDS as readonly string[]).includes(text);
}
