import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { startFakeOpenAi } from "../support/fake-llm-servers.ts";

/** Runs `npm run demo`'s script with exactly this environment; resolves with its exit code and output. */
function runDemo(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/demo.ts"], {
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

it("the demo has a configured provider write, and says so", async () => {
  // Copy as a real model would write it: the stand-in's, without its "stand-in" labels.
  const fakeCopy = (prompt: string) =>
    standInCopy(prompt).replaceAll("stand-in", "fake-provider").replaceAll("Stand-in", "Fake-provider");
  const fake = await startFakeOpenAi({ text: fakeCopy });
  try {
    const run = await runDemo({
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: fake.url,
      COPYDESK_PROVIDER_MODEL: "test-model",
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /The text is written by openai model test-model at http/);
    assert.match(
      run.stdout,
      /written by test-model \(provider\)[\s\S]*Description:\n\s*Ceramic pour-over mug brings together/,
    );
    assert.doesNotMatch(run.stdout, /stand-in/);
    // One post, one product, its revision, and the two products of the Shopify file.
    assert.equal(fake.requests.length, 5);
    assert.match(
      run.stdout,
      /Wrote .*shopify-import\.csv \(shopify-current, .*\): the copy of 3 products \(1 made in copydesk, added\); \d+ copy cells changed in 3 products/,
    );
    // The path it prints at the end is a file that is still there.
    const kept = /The export is kept: (.+)$/m.exec(run.stdout)?.[1];
    assert.ok(kept, run.stdout);
    try {
      assert.match(readFileSync(kept, "utf8"), /^\uFEFF?Title,URL handle,Description/);
    } finally {
      rmSync(dirname(kept), { recursive: true, force: true });
    }
  } finally {
    await fake.close();
  }
});
