import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { copywriter } from "../support/copy-replies.ts";
import { type InMemoryServer, startInMemory } from "../support/in-memory.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

describe("an export creates or replaces only a regular file with the layout's extension", () => {
  let dir: string;
  let server: InMemoryServer;
  const database = () => join(dir, "copydesk.db");

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-target-"));
    const store = openSqliteStore({ path: database(), now: () => new Date(), newId: newRecordId });
    server = await startInMemory({ sampling: copywriter(), store });
    const made = await callTool(server.client, "create_product", {
      title: "Brass lamp",
      keywords: ["brass"],
    });
    const id = structured("create_product", made).product.id;
    await callTool(server.client, "approve_products", { ids: [id] });
  });
  after(async () => {
    await server.close();
    server.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refused = async (path: string, why: RegExp, format = "shopify") => {
    const result = await callTool(server.client, "export_products", { format, path });
    assert.equal(result.isError, true, `${path}: ${textOf(result)}`);
    assert.match(textOf(result), why);
  };

  it("never the database or its journal", async () => {
    const before = readFileSync(database());
    await refused(database(), /does not end in \.csv/);
    await refused(`${database()}-wal`, /does not end in \.csv/);
    await refused(database(), /does not end in \.jsonl/, "jsonl");
    assert.ok(readFileSync(database()).subarray(0, 16).equals(before.subarray(0, 16)), "still a database");
    const listed = await callTool(server.client, "list_products", {});
    assert.match(textOf(listed), /Brass lamp/);
  });

  it("never a dotfile, a folder, a FIFO or a device behind a link", async () => {
    await refused(join(homedir(), ".bashrc"), /hidden file/);
    await refused(join(dir, ".profile.csv"), /hidden file/);
    mkdirSync(join(dir, "folder.csv"));
    await refused(join(dir, "folder.csv"), /is a folder/);
    await refused(`${join(dir, "out.csv")}/`, /names a folder/);
    symlinkSync("/dev/null", join(dir, "null.csv"));
    await refused(join(dir, "null.csv"), /is a device/);
    assert.ok(statSync("/dev/null").isCharacterDevice(), "/dev/null is still the device");
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    await refused(fifo, /FIFO/);
    assert.ok(statSync(fifo).isFIFO());
  });

  it("writes a regular .csv, and replaces it on the next export", async () => {
    const path = join(dir, "Shop.CSV");
    for (let round = 0; round < 2; round++) {
      const result = await callTool(server.client, "export_products", { format: "shopify", path });
      assert.equal(result.isError, undefined, textOf(result));
      assert.ok(existsSync(path) && statSync(path).isFile());
    }
  });
});
