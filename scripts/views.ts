import { readFileSync } from "node:fs";
import { build } from "esbuild";
import type { Views } from "../src/mcp/apps/built-views.ts";
import { CATALOG_REVIEW, PRODUCT_REVIEW } from "../src/mcp/apps/uris.ts";

const DIR = "src/views";
const VIEWS = [
  { uri: PRODUCT_REVIEW, entry: `${DIR}/product-review.ts`, title: "Product review" },
  { uri: CATALOG_REVIEW, entry: `${DIR}/catalog-review.ts`, title: "Catalog review" },
] as const;

// Written here rather than in an .html file: a formatter cannot touch the placeholders.
const page = (title: string, style: string, script: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
<main id="app"><p>Waiting for the tool result…</p></main>
<script>${script}</script>
</body>
</html>
`;

/**
 * Builds each MCP Apps view into one HTML page with its script and style inline: the spec's default
 * content security policy lets a view load nothing, and inline code is all it runs.
 */
export async function buildViews(): Promise<Views> {
  const style = readFileSync(`${DIR}/style.css`, "utf8");
  const built = await Promise.all(
    VIEWS.map(async ({ uri, entry, title }) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: "es2022",
        minify: true,
        legalComments: "none",
        logLevel: "warning",
      });
      // "</script" inside the code would end the inline script early.
      const script = (result.outputFiles[0]?.text ?? "").replaceAll("</script", "<\\/script");
      return [uri, page(title, style, script)] as const;
    }),
  );
  return Object.fromEntries(built);
}
