import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { AnyKind } from "../../kinds/index.ts";
import { presentRecord } from "../../services/present-record.ts";
import type { Store } from "../../store/records.ts";

/** The spec's code for "Resource not found". */
const RESOURCE_NOT_FOUND = -32002;
/** Listing walks the store page by page; this bounds one resources/list answer. */
const MAX_LISTED = 1000;

/** Every stored record is also a JSON resource, e.g. copydesk://products/{id}, with its latest copy. */
export function registerRecordResources(
  server: McpServer,
  store: () => Promise<Store>,
  kinds: readonly AnyKind[],
): void {
  for (const kind of kinds) register(server, store, kind);
}

function register(server: McpServer, store: () => Promise<Store>, kind: AnyKind): void {
  const noun = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
  const template = new ResourceTemplate(`copydesk://${kind.listKey}/{id}`, {
    list: async () => {
      const resources = [];
      let cursor: string | undefined;
      do {
        const page = (await store()).list(kind.name, { limit: 100, cursor });
        for (const item of page.items) {
          resources.push({
            uri: `copydesk://${kind.listKey}/${item.id}`,
            name: item.title,
            // Clients that show titles show this one: it names the record, not only its kind.
            title: `${noun}: ${item.title}`,
            mimeType: "application/json",
          });
        }
        cursor = page.nextCursor;
      } while (cursor && resources.length < MAX_LISTED);
      return { resources };
    },
  });
  server.registerResource(
    kind.listKey,
    template,
    {
      title: noun,
      description: `A stored ${kind.noun} with its latest copy, as JSON`,
      mimeType: "application/json",
    },
    async (uri, { id }) => {
      const record = (await store()).get(kind.name, String(id));
      if (!record) throw new McpError(RESOURCE_NOT_FOUND, `No ${kind.noun} with id "${String(id)}"`);
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: "application/json",
            text: JSON.stringify(presentRecord(kind, record), null, 2),
          },
        ],
      };
    },
  );
}
