import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, eventually, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const NORDIC = {
  name: "Nordic Home",
  guidelines: "Calm and warm. Short sentences.",
  example: "Our oak stool seats you low and steady.",
  banned_words: ["cheap", "world-class", "Cheap"],
  language: "fr-ca",
  default: true,
};

describe("brand voice tools, in process", () => {
  let server: InMemoryServer;
  beforeEach(async () => {
    server = await startInMemory();
  });
  afterEach(() => server.close());

  const set = (args: Record<string, unknown>) => callTool(server.client, "set_brand_voice", args);

  it("set_brand_voice creates a voice, canonicalises its language and drops repeated banned words", async () => {
    const result = await set(NORDIC);
    const { voice, created } = structured("set_brand_voice", result);
    assert.equal(created, true);
    assert.equal(voice.name, "Nordic Home");
    assert.equal(voice.language, "fr-CA");
    assert.deepEqual(voice.bannedWords, ["cheap", "world-class"]);
    assert.equal(voice.isDefault, true);
    assert.match(
      textOf(result),
      /Created the brand voice "Nordic Home": writes in Canadian French \(fr-CA\)/,
    );
    assert.match(textOf(result), /default voice/);
    assert.deepEqual(server.store.brands.get("nordic home")?.bannedWords, ["cheap", "world-class"]);
  });

  it("a second set updates the voice: omitted fields kept, null clears, and the list is announced", async () => {
    await set(NORDIC);
    await eventually(() => server.resourceListChanges === 1, "list_changed after creating");
    const result = await set({ name: "NORDIC home", guidelines: "Brisk.", example: null });
    const { voice, created } = structured("set_brand_voice", result);
    assert.equal(created, false);
    assert.match(textOf(result), /^Updated the brand voice "NORDIC home"/);
    assert.deepEqual(
      { ...voice, createdAt: undefined, updatedAt: undefined },
      {
        name: "NORDIC home",
        guidelines: "Brisk.",
        example: null,
        bannedWords: ["cheap", "world-class"],
        language: "fr-CA",
        isDefault: true,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    await eventually(() => server.resourceListChanges === 2, "list_changed after updating");
  });

  it("switches the default, and says which voice it replaced", async () => {
    await set(NORDIC);
    const result = await set({ name: "Bold Sport", guidelines: "Punchy.", default: true });
    assert.match(textOf(result), /now the default voice, in place of "Nordic Home"/);
    const list = await callTool(server.client, "list_brand_voices");
    const { voices } = structured("list_brand_voices", list);
    assert.deepEqual(
      voices.map((v) => [v.name, v.isDefault]),
      [
        ["Bold Sport", true],
        ["Nordic Home", false],
      ],
    );
    assert.match(textOf(list), /^- Bold Sport \(default\): Punchy\.\n- Nordic Home \(fr-CA\): Calm and warm/);
  });

  it("list_brand_voices with none says how to add one", async () => {
    const result = await callTool(server.client, "list_brand_voices");
    assert.deepEqual(structured("list_brand_voices", result), { voices: [] });
    assert.equal(textOf(result), "No brand voices yet: add one with set_brand_voice.");
  });

  it("delete_brand_voice removes a voice by any case; deleting the default leaves none", async () => {
    await set(NORDIC);
    await set({ name: "Bold Sport", guidelines: "Punchy." });
    await eventually(() => server.resourceListChanges > 0, "list_changed after the sets");
    const changes = server.resourceListChanges;
    const result = await callTool(server.client, "delete_brand_voice", { name: "nordic HOME" });
    assert.deepEqual(structured("delete_brand_voice", result), { deleted: "Nordic Home", wasDefault: true });
    assert.match(textOf(result), /It was the default: products without a brand now get no voice/);
    assert.equal(server.store.brands.getDefault(), undefined);
    assert.match(textOf(await callTool(server.client, "list_brand_voices")), /No voice is the default/);
    await eventually(() => server.resourceListChanges > changes, "list_changed after deleting");
  });

  it("an unknown name is a readable error naming the stored voices", async () => {
    const none = await callTool(server.client, "delete_brand_voice", { name: "Ghost" });
    assert.equal(none.isError, true);
    assert.equal(
      textOf(none),
      'No brand voice named "Ghost"; there are none yet: add one with set_brand_voice.',
    );
    await set(NORDIC);
    await set({ name: "Bold Sport", guidelines: "Punchy." });
    const some = await callTool(server.client, "delete_brand_voice", { name: "Ghost" });
    assert.equal(some.isError, true);
    assert.equal(
      textOf(some),
      'No brand voice named "Ghost"; the stored ones are "Bold Sport", "Nordic Home".',
    );
  });

  it("is a listed resource copydesk://brands/{name}, titled with the voice's name", async () => {
    await set(NORDIC);
    const { resources } = await server.client.listResources();
    const brand = resources.find((r) => r.uri.startsWith("copydesk://brands/"));
    assert.deepEqual(
      brand && { uri: brand.uri, name: brand.name, title: brand.title, mime: brand.mimeType },
      {
        uri: "copydesk://brands/Nordic%20Home",
        name: "Nordic Home",
        title: "Brand voice: Nordic Home",
        mime: "application/json",
      },
    );
    const read = await server.client.readResource({ uri: "copydesk://brands/nordic%20home" });
    const content = read.contents[0];
    assert.ok(content && "text" in content);
    assert.equal(JSON.parse(content.text).guidelines, NORDIC.guidelines);
    const { resourceTemplates } = await server.client.listResourceTemplates();
    assert.ok(resourceTemplates.some((t) => t.uriTemplate === "copydesk://brands/{name}"));
    await assert.rejects(
      server.client.readResource({ uri: "copydesk://brands/Ghost" }),
      /No brand voice named "Ghost"/,
    );
    await assert.rejects(server.client.readResource({ uri: "copydesk://brands/%E0%A4%A" }), /No brand voice/);
  });
});

describe("brand voice tools refuse bad input", () => {
  let server: InMemoryServer;
  before(async () => {
    server = await startInMemory();
  });
  after(() => server.close());

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["an empty name", { name: "  ", guidelines: "G" }, /name must not be empty/],
    ["a 61-character name", { name: "n".repeat(61), guidelines: "G" }, /name must be at most 60 characters/],
    [
      "a name with a slash",
      { name: "a/b", guidelines: "G" },
      /only letters, digits, spaces, hyphens and underscores/,
    ],
    ["missing guidelines", { name: "N" }, /guidelines/],
    ["4001 characters of guidelines", { name: "N", guidelines: "g".repeat(4001) }, /at most 4000 characters/],
    [
      "a 4001-character example",
      { name: "N", guidelines: "G", example: "e".repeat(4001) },
      /example must be at most 4000/,
    ],
    [
      "101 banned words",
      { name: "N", guidelines: "G", banned_words: Array.from({ length: 101 }, (_, i) => `w${i}`) },
      /at most 100 banned words/,
    ],
    [
      "a 61-character banned word",
      { name: "N", guidelines: "G", banned_words: ["w".repeat(61)] },
      /at most 60/,
    ],
    ["a banned word over two lines", { name: "N", guidelines: "G", banned_words: ["a\nb"] }, /on one line/],
    [
      "language en_US",
      { name: "N", guidelines: "G", language: "en_US" },
      /"en_US" is not a BCP 47 language tag/,
    ],
    ["an unknown language", { name: "N", guidelines: "G", language: "klingon" }, /not a BCP 47 language tag/],
  ];
  it("a megabyte language is refused without being echoed back", async () => {
    const result = await callTool(server.client, "set_brand_voice", {
      name: "N",
      guidelines: "G",
      language: "x".repeat(1_000_000),
    });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /language must be at most 35 characters/);
    assert.ok(textOf(result).length < 2000, textOf(result).slice(0, 300));
  });

  for (const [what, args, message] of cases) {
    it(`${what} is a clear error, and nothing is stored`, async () => {
      const result = await callTool(server.client, "set_brand_voice", args);
      assert.equal(result.isError, true);
      assert.match(textOf(result), message);
      assert.deepEqual(server.store.brands.list(), []);
    });
  }

  it("control characters are removed from the guidelines", async () => {
    const result = await callTool(server.client, "set_brand_voice", {
      name: "  Clean   Voice ",
      guidelines: "Warm\u0000 and\r\nkind\u0007.",
    });
    const { voice } = structured("set_brand_voice", result);
    assert.equal(voice.name, "Clean Voice");
    assert.equal(voice.guidelines, "Warm and\nkind.");
    server.store.brands.delete("Clean Voice");
  });
});
