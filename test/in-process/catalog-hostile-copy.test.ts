import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { HOSTILE_COPY, hostileRoundTrip, WOO_EXPORTED, WOO_FILE } from "../support/hostile-copy.ts";
import { startInMemory } from "../support/in-memory.ts";

const dir = mkdtempSync(join(tmpdir(), "copydesk-hostile-"));
after(() => rmSync(dir, { recursive: true, force: true }));

it("WooCommerce round trip: copy goes out HTML-escaped and formula-free, the store's own row byte for byte", async () => {
  const server = await startInMemory();
  try {
    assert.equal(await hostileRoundTrip(server.client, dir, WOO_FILE, "woocommerce"), WOO_EXPORTED);
  } finally {
    await server.close();
  }
});

it("Shopify round trip: SEO title, SEO description and tags go out without their formula characters", async () => {
  const header = "Handle,Title,Body (HTML),Tags,SEO Title,SEO Description,Variant SKU\n";
  const cup = "cup,Cup,<p>Cup</p>,=cup,=1+1,@x,C\n";
  const server = await startInMemory();
  try {
    const text = await hostileRoundTrip(
      server.client,
      dir,
      `${header}mug,Mug,<p>Old</p>,,Old,,M\n${cup}`,
      "shopify",
    );
    assert.equal(HOSTILE_COPY.seo_title, '=HYPERLINK("http://x","Mug")');
    assert.equal(
      text,
      header +
        'mug,Mug,"<p>A mug [embed]http://x[/embed].</p>\n<ul><li>Holds tea</li><li>Holds coffee</li><li>Washes clean</li></ul>",' +
        '"cmd, mug","HYPERLINK(""http://x"",""Mug"")",Mug for tea,M\n' +
        cup,
    );
  } finally {
    await server.close();
  }
});
