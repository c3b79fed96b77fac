import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { callTool, startServer, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

// Opening a FIFO waited for a writer for good, and four such waits held every libuv file thread,
// so every later file operation hung too (issue 19, item 11).
it("importing a FIFO is refused at once, five times over, and a file still imports after", {
  timeout: 20_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-fifo-"));
  const fifo = join(dir, "products.csv");
  execFileSync("mkfifo", [fifo]);
  const csv = join(dir, "real.csv");
  writeFileSync(csv, "Title,Keywords\nMug,red\n");
  const server = await startServer();
  try {
    const refused = await Promise.all(
      Array.from({ length: 5 }, () => callTool(server.client, "import_products", { path: fifo })),
    );
    for (const result of refused) {
      assert.equal(result.isError, true);
      assert.match(textOf(result), /is not a regular file/);
    }
    const folder = await callTool(server.client, "import_products", { path: dir });
    assert.match(textOf(folder), /it is a folder/);
    const imported = await callTool(server.client, "import_products", { path: csv });
    assert.equal(imported.isError, undefined, textOf(imported));
    assert.equal(structured("import_products", imported).import.created, 1);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
