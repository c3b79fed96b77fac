import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Store } from "../../store/records.ts";

/** The spec's code for "Resource not found". */
const RESOURCE_NOT_FOUND = -32002;

/** Names may hold spaces (and non-ASCII letters), so the URI carries them percent-encoded. */
export function brandVoiceUri(name: string): string {
  return `copydesk://brands/${encodeURIComponent(name)}`;
}

/** Every stored brand voice is a JSON resource, copydesk://brands/{name}, listed with its name as title. */
export function registerBrandVoiceResources(server: McpServer, store: () => Promise<Store>): void {
  const template = new ResourceTemplate("copydesk://brands/{name}", {
    // Voices are few and hand-made (one per shop or line), so one answer lists them all.
    list: async () => ({
      resources: (await store()).brands.list().map((voice) => ({
        uri: brandVoiceUri(voice.name),
        name: voice.name,
        title: `Brand voice: ${voice.name}`,
        mimeType: "application/json",
        ...(voice.isDefault ? { description: "The default brand voice" } : {}),
      })),
    }),
  });
  server.registerResource(
    "brands",
    template,
    {
      title: "Brand voice",
      description: "A stored brand voice (guidelines, sample, banned words, language), as JSON",
      mimeType: "application/json",
    },
    async (uri, { name }) => {
      const raw = String(name);
      let decoded: string | undefined;
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        decoded = undefined; // A malformed escape names no voice.
      }
      const voice = decoded === undefined ? undefined : (await store()).brands.get(decoded);
      if (!voice) throw new McpError(RESOURCE_NOT_FOUND, `No brand voice named "${decoded ?? raw}"`);
      return {
        contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(voice, null, 2) }],
      };
    },
  );
}
