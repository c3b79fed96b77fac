import assert from "node:assert/strict";
import { it } from "node:test";
import { structured } from "../support/structured.ts";

const job = {
  id: "job-1",
  state: "done",
};

it("returns a result that keeps its tool's output schema", () => {
  const result = { structuredContent: { deleted: "house", wasDefault: false } };
  assert.equal(structured("delete_brand_voice", result).deleted, "house");
});

it("fails, naming the field, when a result breaks its tool's output schema", () => {
  assert.throws(
    () => structured("delete_brand_voice", { structuredContent: { deleted: 7, wasDefault: false } }),
    /delete_brand_voice's structuredContent breaks its output schema:[\s\S]*deleted/,
  );
  assert.throws(() => structured("get_job", { structuredContent: { job } }), /get_job's structuredContent/);
});

it("fails on an error result and on a tool copydesk does not have", () => {
  assert.throws(
    () => structured("get_job", { isError: true, content: [{ type: "text", text: "no such job" }] }),
    /get_job failed: .*no such job/,
  );
  // @ts-expect-error: the names are the tools', so a typo does not compile either
  assert.throws(() => structured("get_jobs", { structuredContent: {} }), /no tool get_jobs/);
});
