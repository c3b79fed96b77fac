import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { it } from "node:test";
import { OPENAI_TEXT, startFakeOpenAi } from "../support/fake-llm-servers.ts";

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
  const fake = await startFakeOpenAi({ text: OPENAI_TEXT });
  try {
    const run = await runDemo({
      COPYDESK_PROVIDER: "openai",
      COPYDESK_PROVIDER_URL: fake.url,
      COPYDESK_PROVIDER_MODEL: "test-model",
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /The text is written by openai model test-model at http/);
    assert.match(run.stdout, new RegExp(`Description, written by test-model:\\n\\s*${OPENAI_TEXT}`));
    assert.doesNotMatch(run.stdout, /stand-in/);
    assert.equal(fake.requests.length, 2, "one abstract and one description");
  } finally {
    await fake.close();
  }
});
