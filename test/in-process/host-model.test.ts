import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { productCopy } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, type SamplingHandler, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

describe("host-model completion: a client without sampling and no provider (Claude Desktop, Cursor)", () => {
  let server: InMemoryServer;
  before(async () => {
    server = await startInMemory();
  });
  after(() => server.close());

  it("create_product stores a draft and returns a brief for the calling model", async () => {
    const result = await callTool(server.client, "create_product", {
      title: "Ceramic pour-over mug",
      keywords: ["red", "dishwasher-safe", "350 ml"],
    });
    assert.equal(result.isError, undefined, textOf(result));
    const { product, pending } = structured("create_product", result);
    assert.ok(pending);
    assert.equal(product.description, null);
    assert.equal(product.model, null);
    assert.equal(product.route, null);
    assert.equal(pending.saveWith, "save_product_copy");
    assert.match(pending.request, /<product_name>\nCeramic pour-over mug\n<\/product_name>/);
    assert.match(pending.instructions, /"seo_title": string/, "the brief gives the JSON shape");
    assert.match(
      textOf(result),
      new RegExp(`does not support MCP sampling.*call save_product_copy with id "${product.id}"`, "s"),
    );
    assert.equal(server.samplingRequests.length, 0);

    const draft = await callTool(server.client, "get_product", { id: product.id });
    assert.match(textOf(draft), /Draft: no copy yet.*--- Brief ---/s);
    const listed = await callTool(server.client, "list_products");
    assert.match(textOf(listed), /draft, no copy yet/);
  });

  it("save_product_copy validates the copy, runs the checks and reports them", async () => {
    const created = await callTool(server.client, "create_product", {
      title: "Red mug",
      keywords: ["red", "dishwasher-safe", "350 ml"],
    });
    const { id } = structured("create_product", created).product;
    const invalid = await callTool(server.client, "save_product_copy", {
      id,
      copy: { description: "Only this." },
    });
    assert.equal(invalid.isError, true);
    assert.match(textOf(invalid), /bullets/);
    const saved = await callTool(server.client, "save_product_copy", {
      id,
      copy: productCopy({ seo_title: "S".repeat(70) }),
      model: "claude-opus-host",
    });
    assert.equal(saved.isError, undefined, textOf(saved));
    const { product } = structured("save_product_copy", saved);
    assert.ok(product);
    assert.deepEqual([product.version, product.model, product.route], [1, "claude-opus-host", "host-model"]);
    assert.equal(product.checks?.find((c) => c.check === "seo_title")?.ok, false);
    // One line for the product, the failing check by name with what it found, and what to do next.
    assert.match(
      textOf(saved),
      new RegExp(
        `^Saved the product:\n- ${id}: version 1, needs_review; fails seo_title \\(seo_title has 70 characters[^\n]*\n` +
          "Next: 1 product saved with failing checks: fix its copy and save again",
      ),
    );
    const { saved: lines, next } = structured("save_product_copy", saved);
    assert.deepEqual(lines, [{ id, version: 1, status: "needs_review", failing: ["seo_title"] }]);
    assert.match(next, /fix its copy and save again/);
    assert.doesNotMatch(textOf(saved), /Short description|Bullets/, "the copy is not echoed back");
  });

  it("save_product_description completes the draft, cleaned, with the model the host reports", async () => {
    const { products } = structured("list_products", await callTool(server.client, "list_products"));
    const id = products[0]?.id ?? "";
    const saved = await callTool(server.client, "save_product_description", {
      id,
      description: "Here is the description:\nA bright red mug that survives the dishwasher.",
      model: "claude-opus-host",
    });
    // The first product of the list is the newest: the one save_product_copy completed above.
    assert.equal(saved.isError, undefined, textOf(saved));
    const got = structured("get_product", await callTool(server.client, "get_product", { id }));
    assert.deepEqual(
      { description: got.product.description, model: got.product.model, route: got.product.route },
      {
        description: "A bright red mug that survives the dishwasher.",
        model: "claude-opus-host",
        route: "host-model",
      },
    );
  });

  it("create_blog and save_blog_abstract do the same for posts; an unreported model is labelled", async () => {
    const created = await callTool(server.client, "create_blog", {
      title: "Where Python comes from",
      content: "Python is actually named after Monty Python Flying Circus",
    });
    const { post, pending } = structured("create_blog", created);
    assert.equal(pending?.saveWith, "save_post_copy");
    const saved = await callTool(server.client, "save_blog_abstract", {
      id: post.id,
      abstract: "Python is named after Monty Python's Flying Circus.",
    });
    const stored = structured("save_blog_abstract", saved).post;
    assert.equal(stored.abstract, "Python is named after Monty Python's Flying Circus.");
    assert.equal(stored.model, "host model (unreported)");
  });

  it("saving to an unknown id, or only a preamble, is a clear error", async () => {
    const unknown = await callTool(server.client, "save_blog_abstract", { id: "nope", abstract: "Text." });
    assert.equal(unknown.isError, true);
    assert.match(textOf(unknown), /no blog post with id "nope"/);
    const { products } = structured("list_products", await callTool(server.client, "list_products"));
    const preamble = await callTool(server.client, "save_product_description", {
      id: products[0]?.id ?? "",
      description: "Here is the description:",
    });
    assert.equal(preamble.isError, true);
    assert.match(textOf(preamble), /empty once its preamble is removed/);
  });
});

describe("a client that declares sampling but does not implement it (as Cursor does)", () => {
  it("gets the host-model hand-off instead of an error, and is not asked again", async () => {
    const missing: SamplingHandler = async () => {
      throw new McpError(-32601, "Method not found");
    };
    const server = await startInMemory({ sampling: missing });
    try {
      for (const title of ["Mug", "Cup"]) {
        const result = await callTool(server.client, "create_product", { title, keywords: ["red"] });
        assert.equal(result.isError, undefined, textOf(result));
        assert.equal(structured("create_product", result).pending?.saveWith, "save_product_copy");
      }
      assert.equal(server.samplingRequests.length, 1);
    } finally {
      await server.close();
    }
  });
});
