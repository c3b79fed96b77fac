import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Views } from "./built-views.ts";
import { APP_MIME_TYPE, CATALOG_REVIEW, PRODUCT_REVIEW } from "./uris.ts";

const DESCRIPTIONS: Readonly<Record<string, { name: string; title: string; description: string }>> = {
  [PRODUCT_REVIEW]: {
    name: "product-review",
    title: "Product review",
    description:
      "A product's copy with character counters and checks: approve it, revise it with an instruction, edit a field, or restore an earlier version.",
  },
  [CATALOG_REVIEW]: {
    name: "catalog-review",
    title: "Catalog review",
    description:
      "The products with their status and failing checks: filter, approve several at once, follow a writing job, export the approved ones.",
  },
};

/** The MCP Apps views as ui:// resources; a client without the UI extension may list them and ignore them. */
export function registerAppResources(server: McpServer, views: Views): void {
  for (const [uri, about] of Object.entries(DESCRIPTIONS)) {
    const html = views[uri];
    if (html === undefined) throw new Error(`no view built for ${uri}`);
    server.registerResource(
      about.name,
      uri,
      { title: about.title, description: about.description, mimeType: APP_MIME_TYPE },
      // No csp domains: the views fetch nothing, so the host's default policy (no network) fits them.
      async () => ({
        contents: [{ uri, mimeType: APP_MIME_TYPE, text: html, _meta: { ui: { prefersBorder: true } } }],
      }),
    );
  }
}
