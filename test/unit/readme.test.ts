import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { listedTools } from "../../scripts/readme/listed-tools.ts";
import { regenerate } from "../../scripts/readme/reference.ts";
import { MAX_ATTEMPTS } from "../../src/llm/providers/config.ts";

it("the README's tool and option reference matches the code (run `npm run readme` to update)", async () => {
  const readme = readFileSync("README.md", "utf8");
  assert.equal(readme, regenerate(readme, await listedTools()));
});

it("every tool input in the README's reference has its description", () => {
  const reference = /<!-- generated:tools -->\n([\s\S]*?)<!-- \/generated:tools -->/.exec(
    readFileSync("README.md", "utf8"),
  )?.[1];
  assert.ok(reference, "README.md lacks the generated:tools block");
  const blank = reference.split("\n").filter((line) => /^ {2}- `[^`]+`( \(optional\))?: *$/.test(line));
  assert.deepEqual(blank, []);
});

it("the README opens with the two set-up commands, and .ci/run runs the test one", () => {
  const readme = readFileSync("README.md", "utf8");
  const commands = [...readme.matchAll(/^```sh\n([^\n]+)\n```/gm)].slice(0, 2).map((m) => m[1]);
  assert.deepEqual(commands, ["npm ci && npm run build && npm run demo", "npm ci && npm test"]);
  assert.match(readFileSync(".ci/run", "utf8"), /^npm ci && npm test$/m);
});

it("the README's retry sentence gives the number of attempts the provider makes", () => {
  const readme = readFileSync("README.md", "utf8").replace(/\s+/g, " ");
  const words = ["zero", "one", "two", "three", "four", "five"];
  assert.ok(
    readme.includes(
      `on 429/503/529 answers, make up to ${words[MAX_ATTEMPTS]} attempts in all (${words[MAX_ATTEMPTS - 1]} retries)`,
    ),
    "README.md and MAX_ATTEMPTS disagree",
  );
});
