import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { APP_MIME_TYPE, CATALOG_REVIEW, PRODUCT_REVIEW, UI_EXTENSION } from "../../src/mcp/apps/uris.ts";
import { copywriter } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";

const UI = { extensions: { [UI_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] } } };

describe("MCP Apps views", () => {
  it("links each product tool to the product card and list_products to the catalog table", async () => {
    const server = await startInMemory({ sampling: copywriter(), capabilities: UI });
    try {
      const { tools } = await server.client.listTools();
      const meta = Object.fromEntries(tools.map((t) => [t.name, t._meta]));
      for (const name of [
        "create_product",
        "get_product",
        "revise_product",
        "save_product_copy",
        "restore_product_version",
      ]) {
        assert.deepEqual(meta[name], {
          ui: { resourceUri: PRODUCT_REVIEW },
          "ui/resourceUri": PRODUCT_REVIEW,
        });
      }
      assert.deepEqual(meta.list_products, {
        ui: { resourceUri: CATALOG_REVIEW },
        "ui/resourceUri": CATALOG_REVIEW,
      });
      for (const name of ["create_blog", "list_posts", "set_brand_voice", "list_product_versions"])
        assert.equal(meta[name], undefined, name);
    } finally {
      await server.close();
    }
  });

  it("lists the views to a client that declares the UI extension, and serves them as mcp-app HTML", async () => {
    const server = await startInMemory({ sampling: copywriter(), capabilities: UI });
    try {
      const { resources } = await server.client.listResources();
      const views = resources.filter((r) => r.uri.startsWith("ui://"));
      assert.deepEqual(views.map((r) => [r.uri, r.mimeType]).sort(), [
        [CATALOG_REVIEW, APP_MIME_TYPE],
        [PRODUCT_REVIEW, APP_MIME_TYPE],
      ]);
      const read = await server.client.readResource({ uri: PRODUCT_REVIEW });
      const content = read.contents[0];
      assert.equal(content?.mimeType, APP_MIME_TYPE);
      assert.match(content && "text" in content ? content.text : "", /^<!doctype html>/i);
      await assert.rejects(server.client.readResource({ uri: "ui://copydesk/nothing" }), /no copydesk view/);
    } finally {
      await server.close();
    }
  });

  it("a client without the extension lists no view and no app-only tool, yet can read a view", async () => {
    const server = await startInMemory({ sampling: copywriter() });
    try {
      const { resources } = await server.client.listResources();
      assert.deepEqual(
        resources.filter((r) => r.uri.startsWith("ui://")),
        [],
      );
      const { tools } = await server.client.listTools();
      const appOnly = tools.filter((t) => {
        const visibility = (t._meta?.ui as { visibility?: string[] } | undefined)?.visibility;
        return visibility !== undefined && !visibility.includes("model");
      });
      assert.deepEqual(appOnly, []);
      // Some hosts render views without declaring the extension: the link in _meta must still lead somewhere.
      const read = await server.client.readResource({ uri: CATALOG_REVIEW });
      assert.equal(read.contents[0]?.mimeType, APP_MIME_TYPE);
    } finally {
      await server.close();
    }
  });
});
