import type { ClientSpec, Launch } from "./clients.ts";

/** The whole file a client would need if copydesk were its only server: paste, or merge the inner entry. */
export function configSnippet(client: ClientSpec, launch: Launch, name = "copydesk"): string {
  return `${JSON.stringify({ [client.serversKey]: { [name]: client.entry(launch) } }, null, 2)}\n`;
}

/**
 * `claude mcp add` with the server name first: `-e/--env` is variadic in Claude Code's parser and would
 * swallow a name placed after it (anthropics/claude-code #29221, #62332).
 */
export function claudeMcpAddCommand(
  launch: Launch,
  scope: "user" | "project",
  platform: NodeJS.Platform,
  name = "copydesk",
): string {
  const env = Object.entries(launch.env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  const words = [
    "claude",
    "mcp",
    "add",
    name,
    "--scope",
    scope,
    ...env,
    "--",
    launch.command,
    ...launch.args,
  ];
  return words.map((word) => shellQuote(word, platform)).join(" ");
}

/** Quotes a word for the user's shell only when it needs it (POSIX sh, or cmd/PowerShell on Windows). */
export function shellQuote(word: string, platform: NodeJS.Platform): string {
  if (platform === "win32") {
    return /^[\w@%+=:,./\\-]+$/.test(word) ? word : `"${word.replaceAll('"', '\\"')}"`;
  }
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
