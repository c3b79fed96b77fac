import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Store } from "../store/records.ts";

/** The spec's code for "Resource not found". */
const RESOURCE_NOT_FOUND = -32002;
/** Listing walks the store page by page; this bounds one resources/list answer. */
const MAX_LISTED = 1000;

interface Collection<T extends { id: string; title: string }> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly list: (store: Store, cursor: string | undefined) => { items: readonly T[]; nextCursor?: string };
  readonly get: (store: Store, id: string) => T | undefined;
}

/** Every stored post and product is also a JSON resource, e.g. copydesk://posts/{id}. */
export function registerRecordResources(server: McpServer, store: () => Store): void {
  register(server, store, {
    name: "posts",
    title: "Blog post",
    description: "A stored blog post with its abstract, as JSON",
    list: (s, cursor) => s.listPosts({ limit: 100, cursor }),
    get: (s, id) => s.getPost(id),
  });
  register(server, store, {
    name: "products",
    title: "Product",
    description: "A stored product with its description, as JSON",
    list: (s, cursor) => s.listProducts({ limit: 100, cursor }),
    get: (s, id) => s.getProduct(id),
  });
}

function register<T extends { id: string; title: string }>(
  server: McpServer,
  store: () => Store,
  collection: Collection<T>,
): void {
  const template = new ResourceTemplate(`copydesk://${collection.name}/{id}`, {
    list: async () => {
      const resources = [];
      let cursor: string | undefined;
      do {
        const page = collection.list(store(), cursor);
        for (const item of page.items) {
          resources.push({
            uri: `copydesk://${collection.name}/${item.id}`,
            name: item.title,
            // Clients that show titles show this one: it names the record, not only its kind.
            title: `${collection.title}: ${item.title}`,
            mimeType: "application/json",
          });
        }
        cursor = page.nextCursor;
      } while (cursor && resources.length < MAX_LISTED);
      return { resources };
    },
  });
  server.registerResource(
    collection.name,
    template,
    { title: collection.title, description: collection.description, mimeType: "application/json" },
    async (uri, { id }) => {
      const record = collection.get(store(), String(id));
      if (!record)
        throw new McpError(
          RESOURCE_NOT_FOUND,
          `No ${collection.title.toLowerCase()} with id "${String(id)}"`,
        );
      return {
        contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(record, null, 2) }],
      };
    },
  );
}
