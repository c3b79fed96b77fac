import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool, textOf } from "./server-process.ts";
import { structured } from "./structured.ts";

/** Copy a person saved: a formula, markup as entities (the cleaning decodes them), a shortcode. */
export const HOSTILE_COPY = {
  description: "A mug [embed]http://x[/embed].",
  short_description:
    '=HYPERLINK("http://x","y") &lt;script&gt;alert(1)&lt;/script&gt; [embed]http://x[/embed]',
  bullets: ["Holds tea", "Holds coffee", "Washes clean"],
  seo_title: '=HYPERLINK("http://x","Mug")',
  seo_description: "+Mug for tea",
  tags: ["@cmd", "mug"],
};

export const WOO_HEADER = "ID,Type,SKU,Name,Short description,Description,Tags,Regular price\n";
/** The cup's cells a spreadsheet would run are the store's own: they go back as they came. */
export const WOO_CUP = "2,simple,CUP,Cup,=2+2,<p>Cup</p>,@cup,=1\n";
export const WOO_FILE = `${WOO_HEADER}1,simple,MUG,Mug,Old short,<p>Old</p>,mug,9\n${WOO_CUP}`;
/** WOO_FILE exported with HOSTILE_COPY as the mug's copy. */
export const WOO_EXPORTED =
  WOO_HEADER +
  '1,simple,MUG,Mug,"&#61;HYPERLINK(""http://x"",""y"") &lt;script&gt;alert(1)&lt;/script&gt; &#91;embed&#93;http://x&#91;/embed&#93;",' +
  '"<p>A mug &#91;embed&#93;http://x&#91;/embed&#93;.</p>\n<ul><li>Holds tea</li><li>Holds coffee</li><li>Washes clean</li></ul>",' +
  '"cmd, mug",9\n' +
  WOO_CUP;

/**
 * Imports the file, saves HOSTILE_COPY as its product "Mug"'s copy, approves it and exports it with tags
 * into `dir`: the exported file's text.
 */
export async function hostileRoundTrip(
  client: Client,
  dir: string,
  file: string,
  format: string,
): Promise<string> {
  const imported = await callTool(client, "import_products", { csv_text: file });
  assert.equal(imported.isError, undefined, textOf(imported));
  const listed = structured("list_products", await callTool(client, "list_products", { limit: 10 }));
  const mug = listed.products.find((product) => product.title === "Mug");
  assert.ok(mug);
  const saved = await callTool(client, "save_product_copy", {
    id: mug.id,
    copy: HOSTILE_COPY,
    model: "a person",
    edited_by_person: true,
  });
  assert.equal(saved.isError, undefined, textOf(saved));
  const stored = structured("save_product_copy", saved);
  assert.ok("product" in stored);
  assert.equal(
    stored.product?.copy?.short_description,
    '=HYPERLINK("http://x","y") <script>alert(1)</script> [embed]http://x[/embed]',
    "the stored plain text holds the formula and a <script> tag",
  );
  const approved = await callTool(client, "approve_products", { ids: [mug.id] });
  assert.equal(approved.isError, undefined, textOf(approved));
  const path = join(dir, `${format}.csv`);
  const exported = await callTool(client, "export_products", { format, path, tags: true });
  assert.equal(exported.isError, undefined, textOf(exported));
  return readFileSync(path, "utf8");
}
