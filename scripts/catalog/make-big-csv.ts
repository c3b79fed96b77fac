// Writes a Shopify product CSV (current dialect) of N rows for the catalog benchmark: one product in three
// rows (two variants and an extra image), a description with HTML, quotes, commas and line breaks.
//   node scripts/catalog/make-big-csv.ts OUTPUT [ROWS=100000]

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stringify } from "csv-stringify/sync";

const HEADER = [
  "Title",
  "URL handle",
  "Description",
  "Vendor",
  "Product category",
  "Type",
  "Tags",
  "Published on online store",
  "Status",
  "SKU",
  "Barcode",
  "Option1 name",
  "Option1 value",
  "Option1 Linked To",
  "Option2 name",
  "Option2 value",
  "Option2 Linked To",
  "Option3 name",
  "Option3 value",
  "Option3 Linked To",
  "Price",
  "Compare-at price",
  "Cost per item",
  "Charge tax",
  "Tax code",
  "Inventory tracker",
  "Inventory quantity",
  "Continue selling when out of stock",
  "Weight value (grams)",
  "Weight unit for display",
  "Requires shipping",
  "Fulfillment service",
  "Product image URL",
  "Image position",
  "Image alt text",
  "Variant image URL",
  "Gift card",
  "SEO title",
  "SEO description",
];

function row(values: Record<string, string>): string[] {
  return HEADER.map((name) => values[name] ?? "");
}

export async function makeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(stringify([HEADER], { record_delimiter: "\r\n", bom: true }));
  let written = 0;
  for (let product = 1; written < rows; product++) {
    const handle = `product-${product}`;
    const lines = [
      row({
        Title: `Product ${product} "Classic"`,
        "URL handle": handle,
        Description: `<p>Product ${product}: a sturdy, everyday item.</p>\n<ul>\n<li>Cotton, 100%</li>\n<li>Machine washable</li>\n</ul>\n<p>Ships in 2 days, "free" returns.</p>`,
        Vendor: "Acme",
        "Product category": "Apparel & Accessories > Clothing",
        Type: "Shirts",
        Tags: "cotton, everyday, classic",
        "Published on online store": "TRUE",
        Status: "active",
        SKU: `${handle}-s`,
        "Option1 name": "Size",
        "Option1 value": "S",
        Price: "29.00",
        "Weight value (grams)": "200",
        "Weight unit for display": "g",
        "Product image URL": `https://cdn.example.com/${handle}-1.jpg`,
        "Image position": "1",
        "SEO title": "",
        "SEO description": "",
      }),
      row({
        "URL handle": handle,
        SKU: `${handle}-m`,
        "Option1 value": "M",
        Price: "29.00",
        "Weight value (grams)": "210",
      }),
      row({
        "URL handle": handle,
        "Product image URL": `https://cdn.example.com/${handle}-2.jpg`,
        "Image position": "2",
      }),
    ].slice(0, rows - written);
    written += lines.length;
    await write(stringify(lines, { record_delimiter: "\r\n" }));
  }
  out.end();
  await once(out, "finish");
}

if (import.meta.main) {
  const [path, rows = "100000"] = process.argv.slice(2);
  if (path === undefined) {
    console.error("usage: node scripts/catalog/make-big-csv.ts OUTPUT [ROWS]");
    process.exit(2);
  }
  await makeBigCsv(path, Number(rows));
}
