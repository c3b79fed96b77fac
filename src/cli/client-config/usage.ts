import { helpRows } from "../help-rows.ts";
import type { OptionSpec } from "../option-spec.ts";
import { CLIENT_IDS } from "./clients.ts";

/** Every `copydesk config` option: the parser and the help text are both made from this table. */
export const CONFIG_OPTIONS: readonly OptionSpec[] = [
  {
    name: "write",
    description: "Merge the entry into the client's config file instead of printing it (keeps a backup)",
  },
  { name: "path", value: "FILE", description: "Use this config file instead of the client's usual one" },
  {
    name: "workspace",
    description:
      "The project's file under the current folder (.vscode/mcp.json, .cursor/mcp.json, .mcp.json) instead of the per-user one",
  },
  {
    name: "env",
    value: "NAME=VALUE",
    repeatable: true,
    description: "A variable for the server, e.g. COPYDESK_PROVIDER=anthropic; repeat for more",
  },
  { name: "help", short: "h", description: "Show this help and exit" },
];

export function configHelpText(): string {
  return `Usage: copydesk config <client> [options] [-- server options]

Prints the entry an MCP client needs to start this copydesk executable, with its absolute path, and the
file it belongs in; with --write, adds it to that file. Anything after -- is passed to the server
(e.g. -- --model-hint claude-sonnet --sampling-timeout 10m; see copydesk --help).

Clients: ${CLIENT_IDS.join(", ")}
  vscode          mcp.json in your VS Code user folder, or .vscode/mcp.json with --workspace ("servers")
  claude-desktop  claude_desktop_config.json (macOS, Windows; no official Linux build: use --path)
  cursor          ~/.cursor/mcp.json, or .cursor/mcp.json with --workspace ("mcpServers")
  claude-code     prints a "claude mcp add" command; --write only with --workspace (.mcp.json),
                  because ~/.claude.json also holds Claude Code's own state

Options:
${helpRows(CONFIG_OPTIONS)}

Claude Desktop, Cursor and Claude Code do not answer MCP sampling requests: there the model you chat with
writes the text (copydesk stores a draft and hands it a brief). To have a specific model write instead, give
copydesk a provider, e.g. --env COPYDESK_PROVIDER=anthropic --env COPYDESK_PROVIDER_MODEL=claude-sonnet-4-5
--env COPYDESK_PROVIDER_API_KEY=... Secrets go in --env, never after --.
--write replaces an existing "copydesk" entry, keeps every other server and setting, comments included,
copies the old file to <file>.bak-<time>, and refuses to touch a file it cannot parse.
Exit codes: 0 ok, 1 failure (file untouched), 2 usage error.
`;
}
