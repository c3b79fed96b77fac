import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
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
  const data = () => join(dir, "data");
  const database = () => join(data(), "copydesk.db");

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

  const refused = async (path: string, why: RegExp, format = "shopify", more = {}) => {
    const result = await callTool(server.client, "export_products", { format, path, ...more });
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

  it("never inside the data folder, even through a link (issue 19, item 1)", async () => {
    const before = readFileSync(database());
    await refused(join(data(), "products.csv"), /inside copydesk's data folder/);
    await refused(join(data(), "products.csv"), /inside copydesk's data folder/, "shopify", {
      overwrite: true,
    });
    symlinkSync(database(), join(dir, "live.csv"));
    await refused(join(dir, "live.csv"), /inside copydesk's data folder/, "shopify", { overwrite: true });
    symlinkSync(data(), join(dir, "data-link"));
    await refused(join(dir, "data-link", "products.csv"), /inside copydesk's data folder/);
    assert.ok(readFileSync(database()).subarray(0, 16).equals(before.subarray(0, 16)), "still a database");
    assert.ok(!existsSync(join(data(), "products.csv")));
  });

  it("a relative path is refused with a sentence (issue 19, item 11)", async () => {
    await refused("products.csv", /products\.csv is a relative path: give the export file's absolute path/);
    await refused("~/products.csv", /is a relative path/);
  });

  it("a file copydesk did not export, or one changed since, is replaced only when asked (item 2)", async () => {
    const mine = join(dir, "mine.csv");
    writeFileSync(mine, "my own notes\n");
    await refused(mine, /mine\.csv is already there and copydesk did not export it.*ask to overwrite it/);
    assert.equal(readFileSync(mine, "utf8"), "my own notes\n");
    const asked = await callTool(server.client, "export_products", {
      format: "shopify",
      path: mine,
      overwrite: true,
    });
    assert.equal(asked.isError, undefined, textOf(asked));
    assert.match(readFileSync(mine, "utf8"), /Brass lamp/);
    // Exported now, so the next export replaces it unasked; once edited, it is the user's file again.
    const again = await callTool(server.client, "export_products", { format: "shopify", path: mine });
    assert.equal(again.isError, undefined, textOf(again));
    appendFileSync(mine, "a row typed in by hand\n");
    await refused(mine, /already there and copydesk did not export it \(or it changed since\)/);
    assert.match(readFileSync(mine, "utf8"), /typed in by hand/);
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
