import assert from "node:assert/strict";
import { it } from "node:test";
import { nodeCacheDir } from "../../scripts/sea/cache-dir.ts";

it("the Node binaries cache is the per-user cache folder, outside node_modules, unless overridden", () => {
  assert.equal(
    nodeCacheDir({ platform: "linux", env: {}, homedir: "/home/u" }),
    "/home/u/.cache/copydesk/node",
  );
  assert.equal(
    nodeCacheDir({ platform: "linux", env: { XDG_CACHE_HOME: "/xdg" }, homedir: "/home/u" }),
    "/xdg/copydesk/node",
  );
  assert.equal(
    nodeCacheDir({ platform: "linux", env: { XDG_CACHE_HOME: "rel" }, homedir: "/home/u" }),
    "/home/u/.cache/copydesk/node",
  );
  assert.equal(
    nodeCacheDir({ platform: "darwin", env: {}, homedir: "/Users/u" }),
    "/Users/u/Library/Caches/copydesk/node",
  );
  assert.equal(
    nodeCacheDir({
      platform: "win32",
      env: { LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" },
      homedir: "C:\\Users\\u",
    }),
    "C:\\Users\\u\\AppData\\Local\\copydesk\\Cache\\node",
  );
  assert.equal(
    nodeCacheDir({ platform: "linux", env: { COPYDESK_NODE_CACHE: "/work/cache/node" }, homedir: "/home/u" }),
    "/work/cache/node",
  );
});
