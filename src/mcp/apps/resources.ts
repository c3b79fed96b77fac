import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Views } from "./built-views.ts";
import { APP_MIME_TYPE, CATALOG_REVIEW, PRODUCT_REVIEW, UI_EXTENSION } from "./uris.ts";

/** The spec's code for "Resource not found". */
const RESOURCE_NOT_FOUND = -32002;

const ABOUT: Readonly<Record<string, { name: string; title: string; description: string }>> = {
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

/**
 * The MCP Apps views as ui:// resources. Any client may read them (a host that renders views without
 * declaring the UI extension finds them through the tools' _meta); only a client that declares the
 * extension sees them in resources/list, so the list stays as it was for every other client.
 */
export function registerAppResources(server: McpServer, views: Views): void {
  const declared = () => server.server.getClientCapabilities()?.extensions?.[UI_EXTENSION] !== undefined;
  server.registerResource(
    "views",
    new ResourceTemplate("ui://copydesk/{view}", {
      list: async () => ({
        resources: declared()
          ? Object.entries(ABOUT).map(([uri, about]) => ({ uri, mimeType: APP_MIME_TYPE, ...about }))
          : [],
      }),
    }),
    { title: "copydesk views", description: "MCP Apps views for reviewing copy", mimeType: APP_MIME_TYPE },
    async (uri) => {
      const html = views[uri.href];
      if (html === undefined)
        throw new McpError(RESOURCE_NOT_FOUND, `There is no copydesk view ${uri.href}.`);
      // No csp domains: the views fetch nothing, so the host's default policy (no network) fits them.
      return {
        contents: [
          { uri: uri.href, mimeType: APP_MIME_TYPE, text: html, _meta: { ui: { prefersBorder: true } } },
        ],
      };
    },
  );
}
