import assert from "node:assert/strict";
import { it } from "node:test";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";

it("a stored product whose input no longer reads is listed and shown, with what could be read, and logged", async () => {
  const server = await startInMemory();
  try {
    const good = server.store.create("product", {
      title: "Brass lamp",
      handle: "brass-lamp",
      input: { keywords: ["brass"] },
    });
    // As an older copydesk or a hand edit might have left it: keywords as text, a tone that is a number.
    const old = server.store.create("product", {
      title: "Old lamp",
      handle: "old-lamp",
      input: { keywords: "brass, lamp", tone: 7, facts: { height: "30 cm" } },
    });

    const listed = await callTool(server.client, "list_products", { full: true });
    assert.equal(listed.isError, undefined, textOf(listed));
    const { products } = listed.structuredContent as { products: Array<{ id: string; keywords: string[] }> };
    assert.deepEqual(
      products.map((p) => [p.id, p.keywords]),
      [
        [old.id, []],
        [good.id, ["brass"]],
      ],
    );

    const got = await callTool(server.client, "get_product", { id: old.id });
    assert.equal(got.isError, undefined, textOf(got));
    const { product } = got.structuredContent as {
      product: { facts: Record<string, string>; tone?: string };
    };
    assert.deepEqual([product.facts, product.tone], [{ height: "30 cm" }, undefined]);
    assert.match(
      textOf(got),
      /Stored fields that could not be read \(left out, or defaults used\): keywords, tone/,
    );
    assert.ok(
      server.logLines.some((line) =>
        line.startsWith(
          `warning: product ${old.id}: stored fields that could not be read were left out: keywords, tone`,
        ),
      ),
      server.logLines.join("\n"),
    );
    assert.equal(
      server.logLines.some((line) => line.includes(good.id)),
      false,
    );
  } finally {
    await server.close();
  }
});
