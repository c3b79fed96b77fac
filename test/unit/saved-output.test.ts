import assert from "node:assert/strict";
import { it } from "node:test";
import { productKind } from "../../src/kinds/product/kind.ts";
import { nextStep, type Saved } from "../../src/mcp/tools/kind/saved-output.ts";
import type { JobInfo } from "../../src/store/jobs.ts";

const job = (state: JobInfo["state"], done: number, pending: number): JobInfo => ({
  id: "J",
  state,
  options: {},
  total: done + pending,
  done,
  failed: 0,
  pending,
  skipped: 0,
  skips: [],
  inputTokens: 0,
  outputTokens: 0,
  failures: [],
  createdAt: "",
  updatedAt: "",
});
const ok: Saved = { id: "a", version: 1, status: "written", failing: [] };
const failing: Saved = { id: "b", version: 2, status: "needs_review", failing: ["seo_title"] };

it("the next step after a save: fix what was refused or fails, the next page, or review", () => {
  assert.equal(
    nextStep(
      productKind,
      [ok],
      [{ index: 3, id: "c", error: "bullets: give 3 to 6 bullets" }],
      job("waiting_for_copy", 19, 21),
    ),
    'Next: Fix the 1 item not saved and save only it again with job_id "J". Then resume_job("J") for the next page (19 of 40 written).',
  );
  assert.equal(
    nextStep(productKind, [ok, failing], [], job("waiting_for_copy", 20, 20)),
    'Next: 1 product saved with failing checks: fix its copy and save again (it becomes a new version), or leave it for review. Now resume_job("J") for the next page (20 of 40 written).',
  );
  assert.equal(
    nextStep(productKind, [ok], [], job("done", 40, 0)),
    "Next: Job J is done: 40 of 40 written. Review with list_products (status needs_review first), approve_products, then export_products.",
  );
  assert.equal(
    nextStep(productKind, [ok], [], undefined),
    "Next: get_product shows the full copy as stored.",
  );
});
