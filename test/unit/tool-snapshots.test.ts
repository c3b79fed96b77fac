import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { biomeFormatted } from "../../scripts/readme/biome-format.ts";
import { listedTools } from "../../scripts/readme/listed-tools.ts";
import { OUTPUT_TYPES_PATH, outputTypes } from "../../scripts/readme/output-types.ts";
import { SNAPSHOT_DIR, toolSnapshots } from "../../scripts/readme/snapshots.ts";
import { differingLines } from "../support/line-diff.ts";

// Each tool's name, title, description, annotations, _meta and schemas as tools/list answers them now.
const live = await listedTools();
const review = "run `npm run readme` and review the diff";

it("every tool matches its committed snapshot in test/snapshots/tools", () => {
  for (const [file, text] of toolSnapshots(live)) {
    let committed: string;
    try {
      committed = readFileSync(join(SNAPSHOT_DIR, file), "utf8");
    } catch {
      assert.fail(`${file} has no snapshot in ${SNAPSHOT_DIR}: ${review}`);
    }
    assert.deepEqual(
      differingLines(committed, text),
      [],
      `${file} differs from what tools/list returns: ${review}`,
    );
  }
});

it("no snapshot is left of a tool the server no longer lists", () => {
  const names = new Set(live.map((tool) => `${tool.name}.json`));
  assert.deepEqual(
    readdirSync(SNAPSHOT_DIR).filter((file) => !names.has(file)),
    [],
    `snapshots of removed tools: ${review}`,
  );
});

it("a snapshot holds the tool as listed, output schema and view included", () => {
  const tool = live.find((candidate) => candidate.name === "create_product");
  assert.ok(tool?._meta && tool.outputSchema);
  const committed: unknown = JSON.parse(readFileSync(join(SNAPSHOT_DIR, "create_product.json"), "utf8"));
  assert.deepEqual(committed, tool);
  // One changed limit is a difference: the snapshot would catch it.
  const altered = structuredClone(tool);
  (altered.inputSchema.properties?.title as { maxLength: number }).maxLength = 201;
  assert.notEqual(
    toolSnapshots([altered]).get("create_product.json"),
    toolSnapshots([tool]).get("create_product.json"),
  );
});

it("the result types tests and views import are made from the live output schemas", () => {
  const committed = readFileSync(OUTPUT_TYPES_PATH, "utf8");
  assert.deepEqual(
    differingLines(committed, biomeFormatted(OUTPUT_TYPES_PATH, outputTypes(live))),
    [],
    `${OUTPUT_TYPES_PATH} is stale: ${review}`,
  );
});
