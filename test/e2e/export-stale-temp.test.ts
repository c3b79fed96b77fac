import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { callTool, startServer, tempDataDir, textOf } from "../support/server-process.ts";

// An export killed between its write and its rename left its temporary file for good (issue 19, item 11).
it("an export removes the temporary files a killed export to that path left, and no other", async () => {
  const root = tempDataDir();
  const out = join(root, "out");
  mkdirSync(out);
  const dead = spawnSync("true").pid;
  const left = {
    byDead: `.shop.csv.${dead}-aaaaaaaaaaaa.tmp`,
    byLive: `.shop.csv.${process.pid}-bbbbbbbbbbbb.tmp`,
    otherExport: `.other.csv.${dead}-cccccccccccc.tmp`,
    notOurs: ".shop.csv.notes.tmp",
  };
  for (const name of Object.values(left)) writeFileSync(join(out, name), "partial");
  const server = await startServer({ dataDir: join(root, "data") });
  try {
    const imported = await callTool(server.client, "import_products", {
      csv_text: "title,keywords\nMug,red\n",
    });
    assert.equal(imported.isError, undefined, textOf(imported));
    const exported = await callTool(server.client, "export_products", {
      format: "csv",
      path: join(out, "shop.csv"),
    });
    assert.equal(exported.isError, undefined, textOf(exported));
    assert.deepEqual(
      readdirSync(out).sort(),
      [left.byLive, left.notOurs, left.otherExport, "shop.csv"].sort(),
    );
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
