import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { copywriter } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";

let server: InMemoryServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function complete(prompt: string, argument: string, value: string): Promise<string[]> {
  assert.ok(server);
  const result = await server.client.complete({
    ref: { type: "ref/prompt", name: prompt },
    argument: { name: argument, value },
  });
  return result.completion.values;
}

function messageText(result: { messages: { content: { type: string; text?: string } }[] }): string {
  assert.equal(result.messages.length, 1);
  return result.messages[0]?.content.text ?? "";
}

describe("prompts", () => {
  it("lists the three prompts with a description for every argument", async () => {
    server = await startInMemory();
    const { prompts } = await server.client.listPrompts();
    assert.deepEqual(
      prompts.map((prompt) => prompt.name),
      ["describe_product", "write_catalog_copy", "summarise_post"],
    );
    for (const prompt of prompts) {
      assert.ok(prompt.title && prompt.description, prompt.name);
      for (const argument of prompt.arguments ?? []) {
        assert.ok(argument.description, `${prompt.name}.${argument.name}`);
      }
    }
    const describe = prompts.find((prompt) => prompt.name === "describe_product");
    assert.deepEqual(
      describe?.arguments?.map((argument) => [argument.name, argument.required]),
      [
        ["title", true],
        ["keywords", true],
        ["brand_voice", false],
        ["tone", false],
        ["language", false],
      ],
    );
    assert.ok(server.client.getServerCapabilities()?.completions, "completions capability");
  });

  it("describe_product asks for create_product with the keywords split, and the style", async () => {
    server = await startInMemory();
    const result = await server.client.getPrompt({
      name: "describe_product",
      arguments: { title: "Ceramic pour-over mug", keywords: "red, dishwasher-safe;350 ml", tone: "playful" },
    });
    const text = messageText(result);
    assert.match(text, /create_product/);
    assert.match(text, /title: "Ceramic pour-over mug"/);
    assert.match(text, /keywords: \["red","dishwasher-safe","350 ml"\]/);
    assert.match(text, /Tone: playful\./);
    assert.doesNotMatch(text, /brand voice|Language:/);
  });

  it("write_catalog_copy asks for one import and one catalog job for the products given", async () => {
    server = await startInMemory();
    const products = "Ceramic pour-over mug: red, 350 ml\nLinen apron: washed, navy";
    const result = await server.client.getPrompt({
      name: "write_catalog_copy",
      arguments: { products, brand_voice: "Acme", language: "de" },
    });
    const text = messageText(result);
    assert.match(text, /call import_products with it as csv_text/);
    assert.match(text, /Call write_catalog with selection/);
    assert.ok(text.endsWith(products), text);
    assert.match(text, /brand voice "Acme"/);
    assert.match(text, /Language: de\./);
  });

  it("summarise_post stores a new post with create_blog, or looks up a stored one", async () => {
    server = await startInMemory();
    const fresh = messageText(
      await server.client.getPrompt({
        name: "summarise_post",
        arguments: { title: "Where Python comes from", content: "Named after Monty Python." },
      }),
    );
    assert.match(fresh, /create_blog/);
    assert.match(fresh, /Named after Monty Python\./);
    const stored = messageText(
      await server.client.getPrompt({
        name: "summarise_post",
        arguments: { title: "Where Python comes from" },
      }),
    );
    assert.match(stored, /list_posts/);
    assert.doesNotMatch(stored, /create_blog tool with/);
  });

  it("completes brand voices from the brand store, tones and language codes", async () => {
    server = await startInMemory();
    for (const name of ["Acme Outdoor", "Bright Kitchen", "acme kids"]) {
      await server.client.callTool({
        name: "set_brand_voice",
        arguments: { name, guidelines: "Plain words." },
      });
    }
    assert.deepEqual(
      (await complete("describe_product", "brand_voice", "ac")).sort(),
      ["Acme Outdoor", "acme kids"].sort(),
    );
    assert.deepEqual(await complete("write_catalog_copy", "brand_voice", "kitchen"), ["Bright Kitchen"]);
    assert.deepEqual(await complete("describe_product", "tone", "p"), ["playful", "premium"]);
    assert.deepEqual(await complete("summarise_post", "language", "pt"), ["pt", "pt-BR"]);
  });

  it("completes no brand voice when none is stored", async () => {
    server = await startInMemory();
    assert.deepEqual(await complete("describe_product", "brand_voice", ""), []);
  });

  it("completes the names of stored products and titles of stored posts", async () => {
    server = await startInMemory({ sampling: copywriter() });
    for (const title of ["Ceramic pour-over mug", "Ceramic plate", "Linen apron"]) {
      await server.client.callTool({ name: "create_product", arguments: { title, keywords: ["x"] } });
    }
    await server.client.callTool({
      name: "create_blog",
      arguments: { title: "Where Python comes from", content: "Monty Python." },
    });
    assert.deepEqual((await complete("describe_product", "title", "cer")).sort(), [
      "Ceramic plate",
      "Ceramic pour-over mug",
    ]);
    assert.deepEqual(await complete("summarise_post", "title", "where"), ["Where Python comes from"]);
  });
});
