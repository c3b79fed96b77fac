import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CreateMessageRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { copywriter, lastMessageText } from "../support/copy-replies.ts";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, type SamplingHandler, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

type Product = ToolOutputs["get_product"]["product"];

const TORCH = { title: "Crème Brûlée Torch", keywords: ["butane", "adjustable flame"] };

/** A store file in English: enough words of description to tell the catalog's language. */
const ENGLISH_CATALOG = [
  "title,keywords,description_html",
  'Crème Brûlée Torch,butane,"A kitchen torch for caramelising sugar on desserts, browning meringue and finishing dishes with a quick flame."',
  'Ramekin Set,porcelain,"Four white porcelain ramekins that go from the oven to the table and are easy to clean after baking."',
  'Pastry Brush,silicone,"A silicone brush for glazing pastry and basting roasts, with a handle that stays cool and bristles that do not shed."',
].join("\n");

const GERMAN_DESCRIPTION =
  "Dieser Flambierbrenner karamellisiert Zucker auf Desserts in Sekunden. Die Flamme lässt sich stufenlos " +
  "einstellen, der Brenner liegt sicher in der Hand und wird mit Butan nachgefüllt. So gelingt die Kruste " +
  "der Crème brûlée jedes Mal, und auch Baiser oder Gratins bekommen eine schöne Farbe.";

/** The user prompt of the first request (the brief), where the language line is. */
const briefOf = (request: CreateMessageRequest["params"] | undefined) => {
  const content = request?.messages[0]?.content;
  return content && !Array.isArray(content) && content.type === "text" ? content.text : "";
};

/** Writes German when asked for German, else as the stand-in copywriter does (English). */
const multilingual: SamplingHandler = async (request, extra) => {
  const reply = await copywriter()(request, extra);
  if (!/German \(de\)/.test(lastMessageText(request.params) + briefOf(request.params))) return reply;
  const copy = JSON.parse((reply.content as { text: string }).text) as Record<string, unknown>;
  return {
    ...reply,
    content: { type: "text", text: JSON.stringify({ ...copy, description: GERMAN_DESCRIPTION }) },
  };
};

const languageCheckOf = (product: Product) => product.checks?.find((check) => check.check === "language");

async function createTorch(language?: string) {
  const server = await startInMemory({ sampling: multilingual, ...(language ? { language } : {}) });
  const result = await callTool(server.client, "create_product", TORCH);
  assert.equal(result.isError, undefined, textOf(result));
  return { server, result, product: structured("create_product", result).product };
}

describe("the language copy is written in", () => {
  it("a product name alone decides nothing: English by default, said in the brief and checked", async () => {
    const { server, result, product } = await createTorch();
    try {
      const brief = briefOf(server.samplingRequests[0]);
      assert.match(brief, /Language: write every field in English \(en\)/);
      assert.doesNotMatch(brief, /language of the product name|French/);
      assert.deepEqual([product.language, product.language_source], ["en", "default"]);
      const check = languageCheckOf(product);
      assert.deepEqual([check?.ok, check?.language, check?.language_source], [true, "en", "default"]);
      assert.equal(server.samplingRequests.length, 1, "no retry for a language check that passes");
      assert.match(textOf(result), /Language: en \(the default language\)/);
    } finally {
      await server.close();
    }
  });

  it("the server's default (COPYDESK_LANGUAGE=de) writes and checks it in German", async () => {
    const { server, product } = await createTorch("de");
    try {
      assert.match(briefOf(server.samplingRequests[0]), /Language: write every field in German \(de\)/);
      const check = languageCheckOf(product);
      assert.deepEqual([check?.ok, check?.language, check?.language_source], [true, "de", "default"]);
      assert.match(check?.detail ?? "", /German/);
      assert.deepEqual([product.language, product.language_source], ["de", "default"]);
    } finally {
      await server.close();
    }
  });

  it("an imported product follows its catalog's descriptions, before the server's default", async () => {
    const server = await startInMemory({ sampling: multilingual, language: "de" });
    try {
      const imported = await callTool(server.client, "import_products", { csv_text: ENGLISH_CATALOG });
      assert.equal(imported.isError, undefined, textOf(imported));
      const job = await callTool(server.client, "write_catalog", { selection: { status: "draft" } });
      assert.equal(job.isError, undefined, textOf(job));
      for (const request of server.samplingRequests) {
        assert.match(briefOf(request), /Language: write every field in English \(en\)/);
      }
      const { products } = structured(
        "list_products",
        await server.client.callTool({ name: "list_products", arguments: {} }),
      );
      const torch = products.find((product) => product.title === TORCH.title);
      assert.ok(torch);
      const got = await callTool(server.client, "get_product", { id: torch.id });
      const stored = structured("get_product", got).product;
      assert.deepEqual([stored.language, stored.language_source], ["en", "catalog"]);
      assert.equal(languageCheckOf(stored)?.ok, true);
    } finally {
      await server.close();
    }
  });

  it("a catalog's language is its own, whatever an import after it is in", async () => {
    // The server's default is German too: only the catalog's own descriptions make it English.
    const server = await startInMemory({ sampling: multilingual, language: "de" });
    try {
      const english = await callTool(server.client, "import_products", { csv_text: ENGLISH_CATALOG });
      const englishId = structured("import_products", english).import.importId;
      // A newer German file with more products than the sample a catalog's language is told from.
      const german = [
        "title,keywords,description_html",
        ...Array.from({ length: 120 }, (_, i) => `Flambierbrenner ${i + 1},butan,"${GERMAN_DESCRIPTION}"`),
      ].join("\n");
      const imported = await callTool(server.client, "import_products", { csv_text: german });
      assert.equal(imported.isError, undefined, textOf(imported));
      const job = await callTool(server.client, "write_catalog", { selection: { import_id: englishId } });
      assert.equal(job.isError, undefined, textOf(job));
      assert.equal(server.samplingRequests.length, 3);
      for (const request of server.samplingRequests) {
        assert.match(briefOf(request), /Language: write every field in English \(en\)/);
      }
    } finally {
      await server.close();
    }
  });

  it("the call's language, then the brand voice's, win over everything else", async () => {
    const server = await startInMemory({ sampling: multilingual, language: "fr" });
    try {
      await callTool(server.client, "set_brand_voice", {
        name: "Küche",
        guidelines: "Warm and direct.",
        language: "de",
        default: true,
      });
      const voiced = await callTool(server.client, "create_product", TORCH);
      const byVoice = structured("create_product", voiced).product;
      assert.deepEqual([byVoice.language, byVoice.language_source], ["de", "brand_voice"]);
      const asked = await callTool(server.client, "create_product", { ...TORCH, language: "en" });
      const byCall = structured("create_product", asked).product;
      assert.deepEqual([byCall.language, byCall.language_source], ["en", "call"]);

      // A revision chooses again unless the call asked: the voice's German stays the voice's.
      const revised = await callTool(server.client, "revise_product", {
        id: byVoice.id,
        instructions: "Shorter.",
      });
      const again = structured("revise_product", revised).product;
      assert.deepEqual([again.language, again.language_source], ["de", "brand_voice"]);
      const versions = await callTool(server.client, "list_product_versions", { id: byCall.id });
      assert.equal(versions.isError, undefined, textOf(versions));
    } finally {
      await server.close();
    }
  });
});
