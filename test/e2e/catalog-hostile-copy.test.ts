import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { hostileRoundTrip, WOO_EXPORTED, WOO_FILE } from "../support/hostile-copy.ts";
import { startServer } from "../support/server-process.ts";

it("the built executable exports hostile WooCommerce copy HTML-escaped and formula-free", async () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-hostile-"));
  const server = await startServer();
  try {
    assert.equal(await hostileRoundTrip(server.client, dir, WOO_FILE, "woocommerce"), WOO_EXPORTED);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
