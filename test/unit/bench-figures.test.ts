import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { withFigures } from "../../bench/report.ts";

const doc = [
  "# Benchmarks",
  "<!-- generated:bench-server -->",
  "old server figures",
  "<!-- /generated:bench-server -->",
  "prose between",
  "<!-- generated:bench-catalog -->",
  "<!-- /generated:bench-catalog -->",
  "",
].join("\n");

it("puts a part's figures between its own markers and leaves the rest of the document as it was", () => {
  const after = withFigures(doc, "server", "| new | table |\n\n- met\n");
  assert.equal(after, doc.replace("old server figures", "| new | table |\n\n- met"));
  assert.equal(
    withFigures(after, "catalog", "jobs"),
    after.replace("catalog -->\n<!--", "catalog -->\njobs\n<!--"),
  );
});

it("refuses a document without the part's markers rather than appending the figures somewhere", () => {
  assert.throws(() => withFigures(doc, "traffic", "x"), /lacks the <!-- generated:bench-traffic --> block/);
});

it("docs/benchmarks.md has a block for every part npm run bench writes", () => {
  const text = readFileSync("docs/benchmarks.md", "utf8");
  for (const part of ["server", "catalog", "traffic"] as const) withFigures(text, part, "figures");
});
