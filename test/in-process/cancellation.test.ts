import assert from "node:assert/strict";
import { it } from "node:test";
import { startInMemory } from "../support/in-memory.ts";
import { callTool, type SamplingHandler } from "../support/server-process.ts";

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
    const controller = new AbortController();
    const call = callTool(
      server.client,
      "create_blog",
      { title: "T", content: "C" },
      { signal: controller.signal },
    );
    await started;
    controller.abort("user pressed stop");
    await assert.rejects(call);
    // Resolves only if the server sent notifications/cancelled for the sampling request.
    await aborted;
    const listed = await callTool(server.client, "list_posts");
    assert.deepEqual((listed.structuredContent as { posts: unknown[] }).posts, []);
  } finally {
    await server.close();
  }
});
