import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { copywriter, productCopy } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";
import { textOf } from "../support/server-process.ts";
import { compactEntry, fullRecord, structured } from "../support/structured.ts";

const listedOf = (result: CallToolResult) => structured("list_products", result).products;
/** What a result costs a chat model: its text and its structured part. */
const size = (result: CallToolResult) =>
  textOf(result).length + JSON.stringify(result.structuredContent).length;

describe("list_products for a chat model, and the store's copy beside the new", () => {
  it("is compact by default (100 written products), with full copy on request", async (t) => {
    const server = await startInMemory({ sampling: copywriter() });
    try {
      const call = async (name: string, args: Record<string, unknown>) =>
        (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      for (let i = 1; i <= 100; i++) {
        const made = await call("create_product", {
          title: `Stoneware mug no. ${i}`,
          keywords: ["stoneware", "dishwasher-safe", "350 ml"],
        });
        assert.equal(made.isError, undefined, textOf(made));
      }
      const compact = await call("list_products", { limit: 100 });
      const full = await call("list_products", { limit: 100, full: true });
      t.diagnostic(`list_products limit 100: compact ${size(compact)} characters, full ${size(full)}`);
      assert.equal(compact.isError, undefined, textOf(compact));
      const items = listedOf(compact);
      assert.equal(items.length, 100);
      const first = compactEntry(items[0]);
      assert.deepEqual(Object.keys(first).sort(), ["excerpt", "failing", "id", "status", "title", "version"]);
      assert.equal(first.title, "Stoneware mug no. 100");
      assert.equal(first.status, "written");
      assert.equal(first.version, 1);
      assert.deepEqual(first.failing, []);
      assert.match(String(first.excerpt), /^Stoneware mug no\. 100 .*…$/);
      assert.ok(String(first.excerpt).length <= 121, String(first.excerpt));
      // The full records are as before: copy, checks and provenance.
      const record = fullRecord(listedOf(full)[0]);
      assert.equal(record.id, first.id);
      assert.equal(typeof record.copy?.description, "string");
      assert.ok((record.checks ?? []).length > 0);
      assert.ok(size(compact) * 4 < size(full), `compact ${size(compact)}, full ${size(full)}`);
      assert.ok(size(compact) < 50_000, `compact ${size(compact)}`);

      // One line per product, then the next step.
      const lines = textOf(compact).split("\n");
      assert.match(
        lines[0] ?? "",
        new RegExp(`^- Stoneware mug no\\. 100 \\(id ${first.id}, v1, written\\): Stoneware mug`),
      );
      assert.match(
        textOf(compact),
        /That is every product\. Full copy and checks: get_product with an id\. .*approve_products/,
      );
      const page = await call("list_products", { limit: 30 });
      const next = structured("list_products", page).nextCursor;
      assert.ok(next);
      assert.ok(textOf(page).includes(`call again with cursor "${next}"`));
    } finally {
      await server.close();
    }
  });

  it("carries an imported product's store copy and marks the fields its new copy changes", async () => {
    const server = await startInMemory({ sampling: copywriter() });
    try {
      const call = async (name: string, args: Record<string, unknown>) =>
        (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      const imported = await call("import_products", {
        csv_text: readFileSync("test/fixtures/catalog/shopify-current.csv", "utf8"),
      });
      assert.equal(imported.isError, undefined, textOf(imported));
      const listed = listedOf(await call("list_products", { limit: 100 }));
      const shirt = compactEntry(listed.find((p) => p.title === "Linen Shirt"));
      const mug = compactEntry(listed.find((p) => p.title === "Stoneware Mug"));
      assert.deepEqual(
        [shirt.status, shirt.version, shirt.excerpt, shirt.changes],
        ["draft", null, null, undefined],
      );

      const saved = await call("save_product_copy", {
        id: shirt.id,
        copy: productCopy({
          description: "Breathable linen in a relaxed fit, made in Portugal for warm summer days.",
          seo_title: "Linen Shirt | Acme",
        }),
      });
      assert.equal(saved.isError, undefined, textOf(saved));
      const got = await call("get_product", { id: shirt.id });
      const { storeCopy } = structured("get_product", got);
      assert.deepEqual(storeCopy, {
        source: "import",
        importId: structured("import_products", imported).import.importId,
        copy: {
          description: 'Breathable linen, a "relaxed" fit.\n\nMade in Portugal.',
          // Shopify's file has no short description column: an export cannot change it.
          short_description: null,
          seo_title: "Linen Shirt | Acme",
          seo_description: "",
        },
        changes: ["description", "seo_description"],
      });
      assert.match(textOf(got), /this copy changes: description, seo_description\./);

      const after = await call("list_products", { limit: 100 });
      const line = textOf(after)
        .split("\n")
        .find((l) => l.startsWith("- Linen Shirt"));
      assert.match(
        line ?? "",
        /v1, needs_review, failing: [a-z_, ]+, changes: description, seo_description\): Breathable linen/,
      );
      const again = compactEntry(listedOf(after).find((p) => p.id === shirt.id));
      assert.deepEqual(again.changes, ["description", "seo_description"]);
      // A mug with no description in the file: its store copy is empty, not unknown.
      const mugCopy = structured("get_product", await call("get_product", { id: mug.id }));
      assert.deepEqual(mugCopy.storeCopy?.copy, {
        description: "",
        short_description: null,
        seo_title: "",
        seo_description: "",
      });
    } finally {
      await server.close();
    }
  });

  it("a product made in copydesk has no store copy, unless it was given an existing description", async () => {
    const server = await startInMemory({ sampling: copywriter() });
    try {
      const call = async (name: string, args: Record<string, unknown>) =>
        (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      const plain = await call("create_product", { title: "Red mug", keywords: ["red"] });
      const id = structured("create_product", plain).product.id;
      const got = await call("get_product", { id });
      assert.equal(structured("get_product", got).storeCopy, null);
      const given = await call("create_product", {
        title: "Blue mug",
        keywords: ["blue"],
        existing_description: "An old blue mug.",
      });
      const givenId = structured("create_product", given).product.id;
      const { storeCopy } = structured("get_product", await call("get_product", { id: givenId }));
      assert.ok(storeCopy);
      assert.equal(storeCopy.source, "given");
      assert.equal(storeCopy.copy.description, "An old blue mug.");
      assert.deepEqual(storeCopy.changes, ["description"]);
      const listed = listedOf(await call("list_products", {}));
      assert.equal(compactEntry(listed.find((p) => p.id === id)).changes, undefined);
      assert.deepEqual(compactEntry(listed.find((p) => p.id === givenId)).changes, ["description"]);
    } finally {
      await server.close();
    }
  });
});
