import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { lineView, progressView } from "../../src/cli/catalog/progress.ts";

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

describe("the write command's progress lines", () => {
  it("prints a line each time the job crosses a tenth, never the same tenth twice, and none at 0%", () => {
    const out = capture();
    const view = lineView(out.stream, "writing");
    for (let processed = 0; processed <= 7; processed++) {
      view.update({ total: 7, written: processed, failed: 0 });
      view.update({ total: 7, written: processed, failed: 0 });
    }
    assert.deepEqual(out.text().trimEnd().split("\n"), [
      "writing: 10% (1 of 7): 1 written, 0 failed",
      "writing: 20% (2 of 7): 2 written, 0 failed",
      "writing: 40% (3 of 7): 3 written, 0 failed",
      "writing: 50% (4 of 7): 4 written, 0 failed",
      "writing: 70% (5 of 7): 5 written, 0 failed",
      "writing: 80% (6 of 7): 6 written, 0 failed",
      "writing: 100% (7 of 7): 7 written, 0 failed",
    ]);
  });

  it("counts failed products as done with", () => {
    const out = capture();
    const view = lineView(out.stream, "writing");
    view.update({ total: 10, written: 4, failed: 1 });
    assert.equal(out.text(), "writing: 50% (5 of 10): 4 written, 1 failed\n");
  });

  it("draws no bar on a stream that is not a terminal", async () => {
    const out = capture();
    const view = await progressView(out.stream, "writing");
    view.update({ total: 20, written: 20, failed: 0 });
    view.stop();
    assert.equal(out.text(), "writing: 100% (20 of 20): 20 written, 0 failed\n");
  });
});
