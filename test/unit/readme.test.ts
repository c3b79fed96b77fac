import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { regenerate } from "../../scripts/readme/reference.ts";

it("the README's tool and option reference matches the code (run `npm run readme` to update)", () => {
  const readme = readFileSync("README.md", "utf8");
  assert.equal(readme, regenerate(readme));
});

it("the README opens with the two set-up commands, and .ci/run runs the test one", () => {
  const readme = readFileSync("README.md", "utf8");
  const commands = [...readme.matchAll(/^```sh\n([^\n]+)\n```/gm)].slice(0, 2).map((m) => m[1]);
  assert.deepEqual(commands, ["npm ci && npm run build && npm run demo", "npm ci && npm test"]);
  assert.match(readFileSync(".ci/run", "utf8"), /^npm ci && npm test$/m);
});
