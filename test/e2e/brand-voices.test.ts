import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { it } from "node:test";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";

// The executable starts from a V8 snapshot: language tags (ICU) and the voices' table must work there
// as in the tests that run the sources.
it("brand voices through the built executable survive a restart, as tools and as resources", async () => {
  const dataDir = tempDataDir();
  try {
    const first = await startServer({ dataDir });
    const set = await callTool(first.client, "set_brand_voice", {
      name: "Küche Nord",
      guidelines: "Ruhig und warm.",
      banned_words: ["billig"],
      language: "DE-at",
      default: true,
    });
    assert.match(textOf(set), /Created the brand voice "Küche Nord": writes in Austrian German \(de-AT\)/);
    const bad = await callTool(first.client, "set_brand_voice", {
      name: "X",
      guidelines: "G",
      language: "en_US",
    });
    assert.equal(bad.isError, true);
    await first.close();

    const second = await startServer({ dataDir });
    try {
      const list = await callTool(second.client, "list_brand_voices");
      assert.equal(textOf(list), "- Küche Nord (default, de-AT): Ruhig und warm.");
      const { resources } = await second.client.listResources();
      const uri = "copydesk://brands/K%C3%BCche%20Nord";
      assert.equal(resources.find((r) => r.uri === uri)?.title, "Brand voice: Küche Nord");
      const read = await second.client.readResource({ uri: "copydesk://brands/k%C3%BCCHE%20nord" });
      const content = read.contents[0];
      assert.ok(content && "text" in content);
      assert.deepEqual(JSON.parse(content.text).bannedWords, ["billig"]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
