import assert from "node:assert/strict";
import { once } from "node:events";
import { it } from "node:test";
import { standInCopy } from "../../scripts/demo/stand-in-model.ts";
import { parseCommandLine } from "../../src/cli/parse-args.ts";
import type { ServerSideModel } from "../../src/llm/router.ts";
import { serverSideModel } from "../../src/llm/server-side-model.ts";
import type { ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { FAKE_MODEL, type FakeLlmServer, startFakeOpenAi } from "../support/fake-llm-servers.ts";
import { holdingSampler, productNameOf } from "../support/holding-sampler.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import {
  callThenCancel,
  callTool,
  eventually,
  type SamplingHandler,
  textOf,
} from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

it("cancelling a tool call cancels its sampling request, even the server's first one", async () => {
  let samplingStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    samplingStarted = resolve;
  });
  let samplingAborted: (reason: unknown) => void = () => {};
  const aborted = new Promise<unknown>((resolve) => {
    samplingAborted = resolve;
  });
  // Plays an LLM (or a user) that never answers; it only learns of the cancellation through its signal.
  const hanging: SamplingHandler = (_request, extra) => {
    extra.signal.addEventListener("abort", () => samplingAborted(extra.signal.reason));
    samplingStarted();
    return new Promise(() => {});
  };
  const server = await startInMemory({ sampling: hanging });
  try {
    await callThenCancel(server.client, "create_blog", { title: "T", content: "C" }, started);
    // Resolves only if the server sent notifications/cancelled for the sampling request.
    await aborted;
    const listed = await callTool(server.client, "list_posts");
    assert.deepEqual(structured("list_posts", listed).posts, []);
  } finally {
    await server.close();
  }
});

type Job = ToolOutputs["get_job"]["job"];
const jobOf = (tool: "get_job" | "resume_job", result: object): Job => structured(tool, result).job;

async function importLamps(server: InMemoryServer, count: number): Promise<void> {
  const csv = `Title,Keywords\n${Array.from({ length: count }, (_, i) => `Lamp ${i + 1},brass`).join("\n")}\n`;
  const imported = await callTool(server.client, "import_products", { csv_text: csv });
  assert.equal(imported.isError, undefined, textOf(imported));
}

/** The job's state once it has settled; fails if it is still running after `withinMs`. */
async function settled(server: InMemoryServer, id: string, withinMs: number): Promise<Job> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const job = jobOf("get_job", await callTool(server.client, "get_job", { id }));
    if (job.state !== "running") return job;
    if (Date.now() > deadline) assert.fail(`job ${id} still running ${withinMs} ms after the cancel`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("cancelling a sampling job cancels every sampling request in flight; resume_job at once finishes it", async () => {
  const { sampling, answered, held, heldAll, release } = holdingSampler(4);
  const server = await startInMemory({ sampling });
  try {
    await importLamps(server, 8);
    await callThenCancel(server.client, "write_catalog", { selection: { status: "draft" } }, heldAll);
    // Each resolves only if the server sent notifications/cancelled for that sampling request.
    await Promise.all(held.map((signal) => (signal.aborted ? undefined : once(signal, "abort"))));
    assert.equal(held.length, 4, "every request in flight was cancelled, and no new one was sent");
    const id = (server.store.jobs.list(1)[0] as { id: string }).id;
    const job = await settled(server, id, 3000);
    assert.deepEqual([job.state, job.done, job.failed, job.pending], ["cancelled", 1, 0, 7]);

    release();
    const resumed = await callTool(server.client, "resume_job", { id });
    assert.equal(resumed.isError, undefined, textOf(resumed));
    const { state, done, failed } = jobOf("resume_job", resumed);
    assert.deepEqual([state, done, failed], ["done", 8, 0]);
    assert.equal(answered.length, 8, `answered: ${answered.join(", ")}`);
    assert.equal(new Set(answered).size, 8, "no product was answered twice");
  } finally {
    await server.close();
  }
});

it("a reply that comes after the cancel is not stored: the product stays pending", async () => {
  const late: Array<() => void> = [];
  let calls = 0;
  let threeHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    threeHeld = resolve;
  });
  // A provider that ignores the cancel and answers anyway, late.
  const provider: ServerSideModel = {
    mode: "always",
    description: "a provider that answers late",
    complete(brief) {
      const reply = { text: standInCopy(brief.userPrompt), model: "late-model", stopReason: "endTurn" };
      if (++calls === 1) return Promise.resolve(reply);
      return new Promise((resolve) => {
        late.push(() => resolve(reply));
        if (late.length === 3) threeHeld();
      });
    },
  };
  const server = await startInMemory({ provider });
  try {
    await importLamps(server, 4);
    await callThenCancel(server.client, "write_catalog", { selection: { status: "draft" } }, held);
    for (const answer of late) answer();
    const id = (server.store.jobs.list(1)[0] as { id: string }).id;
    const job = await settled(server, id, 3000);
    assert.deepEqual([job.state, job.done, job.pending], ["cancelled", 1, 3]);
    const drafts = await callTool(server.client, "list_products", { status: "draft", limit: 10 });
    assert.equal(structured("list_products", drafts).products.length, 3);
  } finally {
    await server.close();
  }
});

it("cancelling a job through a provider aborts its HTTP requests in flight", async () => {
  const fake = await startFakeOpenAi({ text: standInCopy });
  const server = await startInMemory({ provider: fakeProvider(fake) });
  try {
    await importLamps(server, 6);
    fake.enqueue({}, { hang: true }, { hang: true }, { hang: true });
    await callThenCancel(
      server.client,
      "write_catalog",
      { selection: { status: "draft" }, max_concurrency: 3 },
      fake.waitForRequests(4),
    );
    await eventually(() => fake.requests.slice(1).every((request) => request.aborted), "requests dropped");
    const id = (server.store.jobs.list(1)[0] as { id: string }).id;
    const job = await settled(server, id, 3000);
    assert.deepEqual([job.state, job.done, job.failed, job.pending], ["cancelled", 1, 0, 5]);
    const resumed = jobOf("resume_job", await callTool(server.client, "resume_job", { id }));
    assert.deepEqual([resumed.state, resumed.done, resumed.failed], ["done", 6, 0]);
    const answered = fake.requests.filter((request) => request.status === 200).map((r) => r.prompt);
    assert.equal(new Set(answered.map(productNameOf)).size, 6);
    assert.equal(answered.length, 6, "no product was answered twice");
  } finally {
    await server.close();
    await fake.close();
  }
});

/** The provider copydesk builds from --provider openai --provider-url FAKE. */
function fakeProvider(fake: FakeLlmServer): ServerSideModel {
  const command = parseCommandLine(
    ["--provider", "openai", "--provider-url", fake.url, "--provider-model", FAKE_MODEL],
    { env: {}, defaultDataDir: "/unused" },
  );
  assert.ok(command.type === "serve" && command.config.provider);
  return serverSideModel(command.config.provider, createLogger([]));
}
