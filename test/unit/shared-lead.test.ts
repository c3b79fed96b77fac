import assert from "node:assert/strict";
import { it } from "node:test";
import { sharedLead } from "../../src/mcp/tools/catalog/shared-lead.ts";

const brief = (name: string, length = "75-125") =>
  `Write the copy for this product.\n\nLanguage: English.\nLength: ${length} words.\n\n<product_name>\n${name}\n</product_name>\n`;

it("moves the lines every brief opens with out of each brief, and no material", () => {
  const { lead, rests } = sharedLead([brief("Lamp"), brief("Chair")]);
  assert.equal(lead, "Write the copy for this product.\n\nLanguage: English.\nLength: 75-125 words.");
  assert.deepEqual(rests, [
    "<product_name>\nLamp\n</product_name>\n",
    "<product_name>\nChair\n</product_name>\n",
  ]);
});

it("keeps a line that differs in its brief, with every line after it", () => {
  const { lead, rests } = sharedLead([brief("Lamp"), brief("Chair", "30-60")]);
  assert.equal(lead, "Write the copy for this product.\n\nLanguage: English.");
  assert.match(rests[1] ?? "", /^Length: 30-60 words\.\n\n<product_name>\nChair/);
});

it("never moves material: identical products keep their tagged blocks", () => {
  const { rests } = sharedLead([brief("Lamp"), brief("Lamp")]);
  assert.deepEqual(rests, [
    "<product_name>\nLamp\n</product_name>\n",
    "<product_name>\nLamp\n</product_name>\n",
  ]);
  assert.deepEqual(sharedLead(["no tags at all", "no tags at all"]), {
    lead: "",
    rests: ["no tags at all", "no tags at all"],
  });
});
