import { flagLabel, OPTIONS } from "./options.ts";
import { wrap } from "./wrap.ts";

/** What the MCP server offers, by name: the entry passes it in, as the CLI does not know the server. */
export interface ServerSurface {
  readonly tools: readonly { readonly name: string }[];
  readonly prompts: readonly { readonly name: string }[];
}

export function helpText(version: string, defaultDataDir: string, surface: ServerSurface): string {
  const rows = OPTIONS.map((option) => {
    const flag = flagLabel(option);
    const env = option.env ? ` [env ${option.env}]` : "";
    return `  ${flag}\n${wrap(`${option.description}${env}`, 96, "      ")}`;
  });
  return `copydesk ${version}: writes product descriptions and blog abstracts with an LLM, and stores them

Usage: copydesk [options]                 MCP server on stdin/stdout (how clients start it)
       copydesk --http [options]          MCP server over Streamable HTTP at /mcp
       copydesk config <vscode|claude-desktop|cursor|claude-code> [--write]   (set up a client; config --help)
       copydesk import FILE [--format F]  import a Shopify, WooCommerce, CSV or JSON Lines product file
       copydesk write [--missing]         write copy for many products with the provider (a resumable job)
       copydesk list [--status S]         review: one line per product; copydesk show ID shows one in full
       copydesk approve ID... | --status written   approve the copy for export
       copydesk export --format F --output FILE   write the copy back as a file the store imports
                                          (each has its own --help)

copydesk is an MCP server: you do not talk to it by hand. Add it to an MCP client (VS Code, Claude Desktop,
Cursor, Claude Code) as a stdio server whose command is this file; \`copydesk config\` writes that entry.
Who writes the text, per call: the client's model through MCP sampling (the client may ask you to approve),
or a server-side provider you configure (--provider), or, when neither is there, the calling model itself
(copydesk stores a draft and hands it a brief). Records are kept in a SQLite database and survive restarts.

Tools: ${surface.tools.map((tool) => tool.name).join(", ")}
Prompts (slash commands): ${surface.prompts.map((prompt) => prompt.name).join(", ")}
Resources: copydesk://posts/{id}, copydesk://products/{id}

Options (a flag wins over its environment variable):
${rows.join("\n")}

Data folder now: ${defaultDataDir}
Logs go to stderr and, as MCP log messages, to the client. Exit codes: 0 ok, 1 failure, 2 usage error.
`;
}
