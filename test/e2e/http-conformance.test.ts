import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { it } from "node:test";
import { promisify } from "node:util";

const run = promisify(execFile);

it("passes the official conformance suite's generic server scenarios over HTTP", async () => {
  const { stdout } = await run(process.execPath, ["scripts/conformance.ts"]).catch(
    (error: { stdout: string; stderr: string }) =>
      assert.fail(`conformance failed:\n${error.stdout}${error.stderr}`),
  );
  for (const scenario of [
    "server-initialize",
    "ping",
    "logging-set-level",
    "tools-list",
    "dns-rebinding-protection",
  ]) {
    assert.match(stdout, new RegExp(`^PASS ${scenario}: `, "m"));
  }
});
