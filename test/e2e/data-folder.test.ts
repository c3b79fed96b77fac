import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { copywriter } from "../support/copy-replies.ts";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";

describe("an unusable data folder", () => {
  it("is reported before any sampling request, naming the folder and the fix", async () => {
    const parent = tempDataDir();
    // A file where the data folder should be: the database cannot be created, even as root.
    const notAFolder = join(parent, "file-not-folder");
    writeFileSync(notAFolder, "");
    const server = await startServer({ sampling: copywriter(), args: ["--data-dir", notAFolder] });
    try {
      const result = await callTool(server.client, "create_product", { title: "Mug", keywords: ["red"] });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /cannot open its database .*file-not-folder.*--data-dir/s);
      assert.equal(server.samplingRequests.length, 0);
    } finally {
      await server.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
