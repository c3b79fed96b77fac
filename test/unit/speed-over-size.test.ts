import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { preferSpeedOverSize, SPEED_OVER_SIZE } from "../../src/platform/speed-over-size.ts";

describe("a catalog command prefers speed over size", () => {
  it("turns off --optimize-for-size", () => {
    const set: string[] = [];
    preferSpeedOverSize((flags) => set.push(flags));
    assert.deepEqual(set, ["--no-optimize-for-size"]);
  });

  it("names an option this Node's V8 knows (an unknown one is only a warning on stderr)", () => {
    const script = `require("node:v8").setFlagsFromString(${JSON.stringify(SPEED_OVER_SIZE)})`;
    const run = spawnSync(process.execPath, ["--optimize-for-size", "-e", script], { encoding: "utf8" });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, "");
    const typo = spawnSync(
      process.execPath,
      ["-e", `require("node:v8").setFlagsFromString("--no-optimise-for-size")`],
      {
        encoding: "utf8",
      },
    );
    assert.match(typo.stderr, /unknown|unrecognized/i, "the check would see a misspelt option");
  });
});
