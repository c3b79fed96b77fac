import assert from "node:assert/strict";
import { it } from "node:test";
import { buildViews } from "../../scripts/views.ts";
import { CATALOG_REVIEW, PRODUCT_REVIEW } from "../../src/mcp/apps/uris.ts";

it("builds each view into one self-contained page: inline script and style, nothing fetched, no eval", async () => {
  const views = await buildViews();
  assert.deepEqual(Object.keys(views).sort(), [CATALOG_REVIEW, PRODUCT_REVIEW]);
  for (const [uri, html] of Object.entries(views)) {
    assert.match(html, /^<!doctype html>/i, uri);
    assert.equal((html.match(/<script>/g) ?? []).length, 1, `${uri}: one inline script`);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|@import|url\(/i, `${uri}: loads nothing`);
    assert.doesNotMatch(html, /\beval\(|new Function\(/, `${uri}: no eval`);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
    assert.match(script, /ui\/initialize/, `${uri}: the script speaks the MCP Apps protocol`);
    assert.match(
      /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? "",
      /--color-text-primary/,
      `${uri}: the style`,
    );
    // Small enough to inline into the executable without noticing: the ext-apps App class alone is ~500 KB.
    assert.ok(html.length < 40_000, `${uri} is ${html.length} characters`);
  }
});
