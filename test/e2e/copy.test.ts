import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { asReply, lastMessageText, postCopy, productCopy, scripted } from "../support/copy-replies.ts";
import { PNG } from "../support/images.ts";
import {
  callTool,
  type RunningServer,
  type SamplingHandler,
  startServer,
  textOf,
} from "../support/server-process.ts";
import { fullRecord, structured } from "../support/structured.ts";

/** One server per test, answering with these replies in turn. */
async function withServer(
  replies: readonly string[],
  run: (server: RunningServer) => Promise<void>,
  then?: SamplingHandler,
) {
  const server = await startServer({ sampling: scripted(replies, then) });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** The product of a result whose copy was written and checked. */
function product(
  tool: "create_product" | "revise_product" | "restore_product_version" | "get_product",
  result: object,
) {
  const stored = structured(tool, result).product;
  const { copy, checks } = stored;
  assert.ok(copy && checks, `${tool} returned written, checked copy`);
  return { ...stored, copy, checks };
}

async function productCount(server: RunningServer): Promise<number> {
  const list = await callTool(server.client, "list_products", {});
  return structured("list_products", list).products.length;
}

describe("structured copy through the built executable", () => {
  it("the seed's create_product({title, keywords}) works unchanged and returns the whole copy", async () => {
    await withServer([], async (server) => {
      const result = await callTool(server.client, "create_product", {
        title: "Ceramic pour-over mug",
        keywords: ["red", "dishwasher-safe", "350 ml"],
      });
      assert.equal(result.isError, undefined, textOf(result));
      const stored = product("create_product", result);
      assert.equal(stored.handle, "ceramic-pour-over-mug");
      assert.ok((stored.description ?? "").length > 0);
      for (const field of [
        "description",
        "description_html",
        "short_description",
        "bullets",
        "seo_title",
        "seo_description",
        "tags",
      ]) {
        assert.ok(field in stored.copy, `copy lacks ${field}`);
      }
      assert.match(String(stored.copy.description_html), /^<p>/);
      assert.ok(
        stored.checks.every((c) => c.ok),
        JSON.stringify(stored.checks),
      );
      assert.match(textOf(result), /Description:/);
    });
  });

  it("reads a JSON reply wrapped in a preamble and a code fence", async () => {
    const reply = `Sure! Here's the copy you asked for:\n\n\`\`\`json\n${asReply(productCopy())}\n\`\`\`\n\nLet me know if you want changes.`;
    await withServer([reply], async (server) => {
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red", "dishwasher-safe", "350 ml"],
      });
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(product("create_product", result).copy.seo_title, productCopy().seo_title);
      assert.equal(server.samplingRequests.length, 1, "a usable reply needs no second request");
    });
  });

  it("cleans an abstract that starts with an inline preamble", async () => {
    const abstract = String(postCopy().abstract);
    await withServer(
      [asReply(postCopy({ abstract: `Here's your abstract: ${abstract}` }))],
      async (server) => {
        const result = await callTool(server.client, "create_blog", {
          title: "Where Python comes from",
          content: "Python is actually named after Monty Python Flying Circus",
        });
        assert.equal(result.isError, undefined, textOf(result));
        const { post } = structured("create_blog", result);
        assert.equal(post.abstract, abstract);
      },
    );
  });

  it("a 75-character seo_title gets a second request naming that check, and the stored one is within 60", async () => {
    const long = "A".repeat(75);
    await withServer([asReply(productCopy({ seo_title: long }))], async (server) => {
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red", "dishwasher-safe", "350 ml"],
      });
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(server.samplingRequests.length, 2);
      assert.match(lastMessageText(server.samplingRequests[1]), /seo_title: seo_title has 75 characters/);
      const stored = product("create_product", result);
      assert.ok(String(stored.copy.seo_title).length <= 60, String(stored.copy.seo_title));
      assert.ok(stored.checks.find((c) => c.check === "seo_title")?.ok);
    });
  });

  it("two invalid replies give isError and store nothing", async () => {
    await withServer(["I cannot help with that.", '{"description": "only this"}'], async (server) => {
      const result = await callTool(server.client, "create_product", { title: "Red mug", keywords: ["red"] });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /nothing was stored/);
      assert.match(textOf(result), /no JSON object/);
      assert.match(textOf(result), /bullets/);
      assert.match(lastMessageText(server.samplingRequests[1]), /could not be used/);
      assert.equal(await productCount(server), 0);
    });
  });

  it("facts say 350 ml and the reply says 500 ml: the check reports it", async () => {
    const invented = productCopy({ short_description: "A red stoneware mug that holds 500 ml." });
    await withServer([asReply(invented), asReply(invented)], async (server) => {
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red", "dishwasher-safe"],
        facts: { capacity: "350 ml" },
      });
      assert.equal(result.isError, undefined, textOf(result));
      const check = product("create_product", result).checks.find((c) => c.check === "invented_specs");
      assert.equal(check?.ok, false);
      assert.match(check?.detail ?? "", /500 ml/);
      assert.match(textOf(result), /Checks that still fail:\n- invented_specs/);
    });
  });

  it("an image reaches the sampling request as an image block, and the product keeps its source and SHA-256", async () => {
    await withServer([], async (server) => {
      const dataUrl = `data:image/png;base64,${PNG.toString("base64")}`;
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red"],
        image: dataUrl,
      });
      assert.equal(result.isError, undefined, textOf(result));
      const blocks = server.samplingRequests[0]?.messages.map((m) => m.content) ?? [];
      assert.deepEqual(blocks[0], { type: "image", data: PNG.toString("base64"), mimeType: "image/png" });
      const { image } = product("create_product", result);
      assert.ok(image);
      assert.equal(image.sha256, createHash("sha256").update(PNG).digest("hex"));
      assert.equal(image.mimeType, "image/png");
      const revised = await callTool(server.client, "revise_product", {
        id: product("create_product", result).id,
        instructions: "shorter",
      });
      assert.equal(revised.isError, undefined, textOf(revised));
      assert.equal(
        (server.samplingRequests.at(-1)?.messages[0]?.content as { type?: string } | undefined)?.type,
        "image",
        "a revision shows the model the image again",
      );
    });
  });

  it("an image that is not one is a clear error before anyone is asked to write", async () => {
    await withServer([], async (server) => {
      const result = await callTool(server.client, "create_product", {
        title: "Red mug",
        keywords: ["red"],
        image: `data:image/svg+xml;base64,${Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64")}`,
      });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /SVG/);
      assert.equal(server.samplingRequests.length, 0);
      assert.equal(await productCount(server), 0);
    });
  });

  it('language "de" and a brand voice\'s guidelines and banned words reach the system prompt; a banned word fails its check', async () => {
    const banned = productCopy({
      short_description: "Ein unglaublich roter Becher aus Steingut, der 350 ml fasst.",
    });
    await withServer([asReply(banned), asReply(banned)], async (server) => {
      const voice = await callTool(server.client, "set_brand_voice", {
        name: "Nordic Home",
        guidelines: "Calm, short sentences. Speak of rooms and light.",
        banned_words: ["unglaublich"],
        default: true,
      });
      assert.equal(voice.isError, undefined, textOf(voice));
      const result = await callTool(server.client, "create_product", {
        title: "Roter Becher",
        keywords: ["rot"],
        facts: { Inhalt: "350 ml" },
        language: "de",
      });
      assert.equal(result.isError, undefined, textOf(result));
      const request = server.samplingRequests[0];
      assert.match(request?.systemPrompt ?? "", /Calm, short sentences\. Speak of rooms and light\./);
      assert.match(request?.systemPrompt ?? "", /unglaublich/);
      assert.match(JSON.stringify(request?.messages), /German \(de\)/);
      assert.ok(
        (request?.systemPrompt ?? "").indexOf("Calm, short sentences") >
          (request?.systemPrompt ?? "").indexOf("JSON object"),
        "the fixed part comes first, then the brand voice, so a prompt cache covers both",
      );
      const check = product("create_product", result).checks.find((c) => c.check === "banned_words");
      assert.equal(check?.ok, false, JSON.stringify(product("create_product", result).checks));
      assert.match(check?.detail ?? "", /unglaublich/);
    });
  });

  it("the seed's prose reply is stored as the abstract in one request, for review", async () => {
    await withServer(["Here's your abstract: Python's name honours Monty Python."], async (server) => {
      const result = await callTool(server.client, "create_blog", {
        title: "Where Python comes from",
        content: "Python is actually named after Monty Python Flying Circus",
      });
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal(server.samplingRequests.length, 1);
      const { post } = structured("create_blog", result);
      assert.deepEqual([post.abstract, post.status], ["Python's name honours Monty Python.", "needs_review"]);
      assert.match(textOf(result), /missing_fields: seo_title, seo_description and tags are empty/);
    });
  });

  it("COPYDESK_LANGUAGE=de writes and checks a short name such as Crème Brûlée Torch in German", async () => {
    const server = await startServer({ sampling: scripted([]), env: { COPYDESK_LANGUAGE: "de" } });
    try {
      const result = await callTool(server.client, "create_product", {
        title: "Crème Brûlée Torch",
        keywords: ["butane"],
      });
      assert.equal(result.isError, undefined, textOf(result));
      const prompt = JSON.stringify(server.samplingRequests[0]?.messages);
      assert.match(prompt, /write every field in German \(de\)/);
      const made = product("create_product", result);
      assert.deepEqual([made.language, made.language_source], ["de", "default"]);
      const check = made.checks.find((c) => c.check === "language");
      assert.equal(check?.language, "de", "the language check runs, against German");
    } finally {
      await server.close();
    }
  });

  it("a reply over 32 KB is refused and nothing is stored", async () => {
    const huge = asReply(productCopy({ description: "word ".repeat(8000) }));
    await withServer([huge], async (server) => {
      const result = await callTool(server.client, "create_product", { title: "Red mug", keywords: ["red"] });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /more than the 32 KB/);
      assert.equal(await productCount(server), 0);
    });
  });

  it("revise makes version 2; restore brings version 1's copy back as version 3", async () => {
    const shorter = productCopy({ seo_title: "Red Mug, 350 ml" });
    await withServer([asReply(productCopy()), asReply(shorter)], async (server) => {
      const created = product(
        "create_product",
        await callTool(server.client, "create_product", {
          title: "Red mug",
          keywords: ["red", "dishwasher-safe", "350 ml"],
        }),
      );
      const revised = await callTool(server.client, "revise_product", {
        id: created.id,
        instructions: "a shorter SEO title",
      });
      assert.equal(revised.isError, undefined, textOf(revised));
      assert.match(
        lastMessageText(server.samplingRequests.at(-1)) +
          JSON.stringify(server.samplingRequests.at(-1)?.messages),
        /a shorter SEO title/,
      );
      assert.equal(product("revise_product", revised).version, 2);
      assert.equal(product("revise_product", revised).copy.seo_title, "Red Mug, 350 ml");
      const restored = await callTool(server.client, "restore_product_version", {
        id: created.id,
        version: 1,
      });
      assert.equal(product("restore_product_version", restored).version, 3);
      assert.deepEqual(product("restore_product_version", restored).copy, created.copy);
      const v2 = await callTool(server.client, "get_product", { id: created.id, version: 2 });
      assert.equal(
        product("get_product", v2).copy.seo_title,
        "Red Mug, 350 ml",
        "earlier versions stay readable",
      );
      const history = structured(
        "list_product_versions",
        await callTool(server.client, "list_product_versions", { id: created.id }),
      );
      assert.deepEqual(
        history.versions.map((v) => [v.version, v.source, v.instructions, v.restoredFrom]),
        [
          [1, "generated", null, undefined],
          [2, "revised", "a shorter SEO title", undefined],
          [3, "restored", null, 1],
        ],
      );
    });
  });
});

/** A server on a fresh copy of the database copydesk 0.1.0 wrote, for the describe block it is called in. */
function serverOnReleaseFixture(): { readonly server: RunningServer } {
  let dataDir: string;
  let server: RunningServer | undefined;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "copydesk-migrate-"));
    copyFileSync("test/fixtures/release-0.1.0/copydesk.db", join(dataDir, "copydesk.db"));
    server = await startServer({ dataDir });
  });
  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error("the server starts in before()");
      return server;
    },
  };
}

describe("a database written by copydesk 0.1.0", () => {
  const fixture = serverOnReleaseFixture();

  it("opens with every post and product intact, an existing text as version 1", async () => {
    const products = structured(
      "list_products",
      await callTool(fixture.server.client, "list_products", { full: true }),
    ).products.map(fullRecord);
    assert.deepEqual(
      products.map((p) => [p.title, p.keywords, p.description, p.version, p.model, p.route]),
      [
        [
          "Oak cutting board",
          ["oak", "oiled"],
          "A thick oiled oak board for bread and cheese.",
          1,
          "gpt-5",
          "host-model",
        ],
        ["Leinen-Geschirrtuch", ["Leinen", "saugfähig"], null, null, null, null],
        [
          "Ceramic pour-over mug",
          ["red", "dishwasher-safe", "350 ml"],
          "A sturdy red mug that holds 350 ml, made for slow mornings and long chats. Dishwasher-safe stoneware.",
          1,
          "claude-sonnet-4-5",
          "client-sampling",
        ],
      ],
    );
    const mug = fullRecord(products[2]);
    assert.equal(mug.checks, null, "checks were not run on a kept description");
    assert.equal(mug.copy?.seo_title, "", "new fields start empty");
    assert.equal(mug.handle, "ceramic-pour-over-mug");
    const posts = structured(
      "list_posts",
      await callTool(fixture.server.client, "list_posts", { full: true }),
    ).posts.map(fullRecord);
    assert.deepEqual(
      posts.map((p) => [p.title, p.abstract]),
      [
        ["Draft post", null],
        [
          "Why we switched to stoneware",
          "A sturdy red mug that holds 350 ml, made for slow mornings and long chats. Dishwasher-safe stoneware.",
        ],
      ],
    );
    const draft = structured("list_posts", await callTool(fixture.server.client, "list_posts", {}));
    const full = await callTool(fixture.server.client, "get_post", { id: draft.posts[0]?.id ?? "" });
    assert.equal(structured("get_post", full).post.content, "Draft content, not yet summarised.");
  });
});

describe("a database written by copydesk 0.1.0, first read as a resource", () => {
  const fixture = serverOnReleaseFixture();

  it("is migrated by a resources/list before any tool call (handles made by the deferred slugify)", async () => {
    const { resources } = await fixture.server.client.listResources();
    const products = resources.filter((r) => r.uri.startsWith("copydesk://products/"));
    assert.deepEqual(products.map((r) => r.title).sort(), [
      "Product: Ceramic pour-over mug",
      "Product: Leinen-Geschirrtuch",
      "Product: Oak cutting board",
    ]);
    const towel = products.find((r) => r.name === "Leinen-Geschirrtuch");
    const read = await fixture.server.client.readResource({ uri: towel?.uri ?? "" });
    const first = read.contents[0];
    const record = JSON.parse(first && "text" in first ? first.text : "{}") as { handle: string };
    assert.equal(record.handle, "leinen-geschirrtuch");
  });
});

describe("a database written by copydesk 0.1.0, first touched by a completion", () => {
  const fixture = serverOnReleaseFixture();

  it("is migrated by completion/complete before any tool call, and completes stored titles", async () => {
    const { completion } = await fixture.server.client.complete({
      ref: { type: "ref/prompt", name: "describe_product" },
      argument: { name: "title", value: "Oak" },
    });
    assert.deepEqual(completion.values, ["Oak cutting board"]);
  });
});
