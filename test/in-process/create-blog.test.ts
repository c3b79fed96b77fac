import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { asReply, copywriter, postCopy, scripted } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, eventually, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const SEED = {
  title: "Where Python comes from",
  content: "Python is actually named after Monty Python Flying Circus",
};

const ABSTRACT =
  "Python takes its name from Monty Python's Flying Circus, not the snake. The post tells how the name was " +
  "chosen and why it stuck with the language and its community.";

describe("create_blog", () => {
  let server: InMemoryServer;
  before(async () => {
    const reply = asReply(postCopy({ abstract: `Here's your abstract:\n\n${ABSTRACT}` }));
    server = await startInMemory({
      sampling: async (request, extra) => ({
        ...(await scripted([reply])(request, extra)),
        model: "claude-sonnet-test",
      }),
    });
  });
  after(() => server.close());

  it("asks the client's model with the title, the content, a system prompt and maxTokens", async () => {
    const result = await callTool(server.client, "create_blog", SEED);
    assert.equal(result.isError, undefined, textOf(result));

    assert.equal(server.samplingRequests.length, 1);
    const request = server.samplingRequests[0];
    assert.ok(request);
    const prompt = JSON.stringify(request.messages);
    assert.match(prompt, /Where Python comes from/);
    assert.match(prompt, /Monty Python Flying Circus/);
    assert.match(request.systemPrompt ?? "", /abstract/i);
    assert.ok(request.maxTokens > 0 && request.maxTokens <= 2000, `maxTokens ${request.maxTokens}`);
    assert.equal(typeof request.temperature, "number");
    assert.ok(request.modelPreferences?.intelligencePriority !== undefined);
  });

  it("returns and stores the cleaned abstract with the model the client reported", async () => {
    const { posts } = structured(
      "list_posts",
      await server.client.callTool({ name: "list_posts", arguments: { full: true } }),
    );
    assert.equal(posts.length, 1);
    const [summary] = posts;
    assert.ok(summary && "abstract" in summary, "full: true lists whole records");
    assert.equal(summary.abstract, ABSTRACT, "the preamble is cleaned off");
    assert.equal(summary.model, "claude-sonnet-test");

    const got = await callTool(server.client, "get_post", { id: summary.id });
    const stored = structured("get_post", got).post;
    assert.equal(stored.title, SEED.title);
    assert.equal(stored.content, SEED.content);
    assert.equal(stored.abstract, summary.abstract);
    assert.equal(stored.stopReason, "endTurn");
    assert.equal(stored.route, "client-sampling");
    assert.match(String(stored.createdAt), /^\d{4}-\d\d-\d\dT/);
  });

  it("exposes the post as a listed resource and announces new ones", async () => {
    const { resources } = await server.client.listResources();
    const uri = resources.find((resource) => resource.name === SEED.title)?.uri;
    assert.ok(uri?.startsWith("copydesk://posts/"), JSON.stringify(resources));
    const read = await server.client.readResource({ uri: uri ?? "" });
    const body = JSON.parse(String((read.contents[0] as { text: string }).text)) as { abstract: string };
    assert.match(body.abstract, /Monty Python/);
    await eventually(
      () => server.resourceListChanges >= 1,
      "notifications/resources/list_changed after create_blog",
    );
  });

  it("reports an unknown id as an error a person can act on", async () => {
    const result = await callTool(server.client, "get_post", { id: "no-such-id" });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /no blog post with id "no-such-id".*list_posts/);
  });
});

describe("a reply in prose instead of JSON (the seed's model, small models)", () => {
  it("create_blog keeps the abstract without its preamble, in one request, for review", async () => {
    const server = await startInMemory({
      sampling: scripted(["Here's your abstract: Python's name honours Monty Python."]),
    });
    try {
      const result = await callTool(server.client, "create_blog", SEED);
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(server.samplingRequests.length, 1, "neither a repair nor a retry for failed checks");
      const { post } = structured("create_blog", result);
      assert.equal(post.abstract, "Python's name honours Monty Python.");
      assert.deepEqual(post.copy, {
        abstract: "Python's name honours Monty Python.",
        seo_title: "",
        seo_description: "",
        tags: [],
      });
      assert.equal(post.status, "needs_review");
      const missing = post.checks?.find((check) => check.check === "missing_fields");
      assert.equal(missing?.ok, false);
      assert.match(missing?.detail ?? "", /^seo_title, seo_description and tags are empty; .*save_post_copy/);
      assert.match(textOf(result), /missing_fields: seo_title, seo_description and tags are empty/);
    } finally {
      await server.close();
    }
  });

  it("create_product keeps a plain description, with its HTML made from it, for review", async () => {
    const prose =
      "Here is the product description:\n\nA sturdy red mug that keeps coffee warm.\n\nIts glaze is dishwasher-safe.";
    const server = await startInMemory({ sampling: scripted([prose]) });
    try {
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red", "dishwasher-safe"],
      });
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(server.samplingRequests.length, 1);
      const { product } = structured("create_product", result);
      assert.deepEqual(product.copy, {
        description: "A sturdy red mug that keeps coffee warm.\n\nIts glaze is dishwasher-safe.",
        description_html:
          "<p>A sturdy red mug that keeps coffee warm.</p>\n<p>Its glaze is dishwasher-safe.</p>",
        short_description: "",
        bullets: [],
        seo_title: "",
        seo_description: "",
        tags: [],
      });
      assert.equal(product.status, "needs_review");
      assert.match(
        product.checks?.find((check) => check.check === "missing_fields")?.detail ?? "",
        /^short_description, bullets, seo_title, seo_description and tags are empty/,
      );
    } finally {
      await server.close();
    }
  });

  it("a revision in prose changes the description and keeps the rest of the copy", async () => {
    const revision = "Much shorter.";
    const server = await startInMemory({
      // The copywriter writes the product; the revision is answered in prose.
      sampling: async (request, extra) =>
        JSON.stringify(request.params.messages).includes(revision)
          ? scripted(["Here is the revised description: A sturdy red mug that keeps coffee warm."])(
              request,
              extra,
            )
          : copywriter()(request, extra),
    });
    try {
      const created = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red"],
      });
      const before = structured("create_product", created).product.copy;
      assert.ok(before);
      const result = await callTool(server.client, "revise_product", {
        id: structured("create_product", created).product.id,
        instructions: revision,
      });
      assert.equal(result.isError, undefined, textOf(result));
      const asked = server.samplingRequests.filter((r) => JSON.stringify(r.messages).includes(revision));
      assert.equal(asked.length, 1, "one request for the revision");
      const { product } = structured("revise_product", result);
      assert.ok(product.copy);
      assert.equal(product.copy.description, "A sturdy red mug that keeps coffee warm.");
      assert.match(
        String(product.copy.description_html),
        /^<p>A sturdy red mug that keeps coffee warm\.<\/p>/,
      );
      const { description: _d, description_html: _h, ...rest } = product.copy;
      const { description: _bd, description_html: _bh, ...kept } = before;
      assert.deepEqual(rest, kept);
      assert.equal(
        product.checks?.find((check) => check.check === "missing_fields"),
        undefined,
      );
    } finally {
      await server.close();
    }
  });

  it("a refusal, an empty reply or a question stays an error, and nothing is stored", async () => {
    for (const reply of [
      "I'm sorry, but I can't help with that.",
      "   ",
      "Could you tell me what the post is about?",
    ]) {
      const server = await startInMemory({ sampling: scripted([reply, reply]) });
      try {
        const result = await callTool(server.client, "create_blog", SEED);
        assert.equal(result.isError, true, JSON.stringify(reply));
        assert.match(textOf(result), /(?:did not reply with usable|returned an empty) blog post copy twice/);
        assert.equal(server.samplingRequests.length, 2, "asked once more for JSON, as before");
        const { posts } = structured(
          "list_posts",
          await server.client.callTool({ name: "list_posts", arguments: {} }),
        );
        assert.deepEqual(posts, []);
      } finally {
        await server.close();
      }
    }
  });

  it("a broken JSON object is repaired, not kept as prose", async () => {
    const server = await startInMemory({
      sampling: scripted(['{"abstract": "Python is named after', asReply(postCopy())]),
    });
    try {
      const result = await callTool(server.client, "create_blog", SEED);
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(server.samplingRequests.length, 2);
      const { post } = structured("create_blog", result);
      assert.equal(post.copy?.seo_title, postCopy().seo_title);
    } finally {
      await server.close();
    }
  });
});
