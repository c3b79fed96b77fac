import { OPTIONS } from "./options.ts";

export function helpText(version: string, defaultDataDir: string): string {
  const rows = OPTIONS.map((option) => {
    const flag = `--${option.name}${option.value ? ` ${option.value}` : ""}`;
    const env = option.env ? ` [env ${option.env}]` : "";
    return `  ${flag}\n${wrap(`${option.description}${env}`, 96, "      ")}`;
  });
  return `copydesk ${version}: writes product descriptions and blog abstracts with your MCP client's model

Usage: copydesk [options]
       copydesk config <vscode|claude-desktop|cursor|claude-code> [--write]   (set up a client; config --help)

copydesk is an MCP server. It speaks JSON-RPC on stdin/stdout, so you do not run it by hand: add it to an
MCP client (VS Code, Claude Desktop, Cursor, Claude Code) as a stdio server whose command is this file.
The text is written by the client's model through MCP sampling: the client may ask you to approve each
request. Records are kept in a SQLite database and survive restarts.

Tools: create_blog, create_product, list_posts, get_post, list_products, get_product
Resources: copydesk://posts/{id}, copydesk://products/{id}

Options (a flag wins over its environment variable):
${rows.join("\n")}

Data folder now: ${defaultDataDir}
Logs go to stderr and, as MCP log messages, to the client. Exit codes: 0 ok, 1 failure, 2 usage error.
`;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(indent + line);
  return lines.join("\n");
}
