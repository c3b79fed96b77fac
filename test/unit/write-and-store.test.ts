import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLogger } from "../../src/log/logger.ts";
import type { Writer } from "../../src/sampling/router.ts";
import type { Store } from "../../src/store/records.ts";
import type { ToolDeps } from "../../src/tools/define-tool.ts";
import { toolFailureMessage } from "../../src/tools/failures.ts";
import { PRODUCT } from "../../src/tools/record-kinds.ts";
import { writeAndStore } from "../../src/tools/write-and-store.ts";
import { productDescriptionBrief } from "../../src/writing/product-description.ts";

const brief = productDescriptionBrief({ title: "Mug", keywords: ["red"] });
const call = { requestId: 1, signal: new AbortController().signal };
const written: Writer = {
  write: async () => ({
    kind: "written",
    generation: {
      text: "A red mug.",
      model: "m",
      stopReason: "endTurn",
      route: "client-sampling",
      truncated: false,
    },
  }),
  spendRequestIdZero: () => {},
};

function deps(store: Partial<Store>, writer: Writer, changes: { count: number }): ToolDeps {
  return {
    store: () => store as Store,
    writer,
    logger: createLogger([]),
    resourcesChanged: () => changes.count++,
  };
}

describe("writeAndStore", () => {
  it("when saving fails after the model wrote, the error carries the text and nothing is announced", async () => {
    const changes = { count: 0 };
    const failing = {
      createProduct: () => {
        throw new Error("disk I/O error");
      },
    };
    const error = await writeAndStore({
      kind: PRODUCT,
      brief,
      deps: deps(failing, written, changes),
      call,
      insert: (store, description, provenance) =>
        store.createProduct({ title: "Mug", keywords: ["red"], description, ...provenance }),
    }).then(
      () => assert.fail("expected a failure"),
      (e: unknown) => e,
    );
    const message = toolFailureMessage(error);
    assert.match(
      message ?? "",
      /description was written but could not be saved \(disk I\/O error\).*A red mug\./s,
    );
    assert.equal(changes.count, 0);
  });

  it("opens the store before asking anyone to write", async () => {
    let asked = false;
    const writer: Writer = {
      ...written,
      write: async (...args) => {
        asked = true;
        return written.write(...args);
      },
    };
    const broken = () => {
      throw new Error("cannot open");
    };
    await assert.rejects(
      writeAndStore({
        kind: PRODUCT,
        brief,
        deps: { ...deps({}, writer, { count: 0 }), store: broken },
        call,
        insert: () => assert.fail("no insert"),
      }),
      /cannot open/,
    );
    assert.equal(asked, false);
  });
});
