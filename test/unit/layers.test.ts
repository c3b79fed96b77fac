import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { importSites } from "../../scripts/check-layers/imports.ts";

const SCRIPT = new URL("../../scripts/check-layers.ts", import.meta.url).pathname;
const made: string[] = [];
after(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder holding `files` (paths relative to it), optionally over a copy of the real src/. */
function tree(files: Record<string, string>, copySrc = false): string {
  const root = mkdtempSync(join(tmpdir(), "copydesk-layers-"));
  made.push(root);
  if (copySrc) cpSync(new URL("../../src", import.meta.url), join(root, "src"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs the check as `npm run check:layers` does, on `root`. */
function check(root: string): { code: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: "utf8" });
  return { code: run.status, lines: run.stderr.trim().split("\n") };
}

// A small tree that keeps every rule: each layer imports only lower ones, sub-folders import each
// other one way only, a view takes types from mcp, and imports that break rules hide in text only.
const ORDERLY: Record<string, string> = {
  "src/platform/clock.ts": "export const now = (): number => Date.now();\n",
  "src/text/words.ts":
    'import { now } from "../platform/clock.ts";\nexport const stamp = (): string => String(now());\n',
  "src/store/open.ts": [
    'import type { stamp } from "../text/words.ts";',
    '// import { TOOLS } from "../mcp/tools/index.ts";',
    "const note = \"import { TOOLS } from '../mcp/tools/index.ts'\";",
    "const quote = /[\"']/g;",
    'export const open = (): unknown[] => [note.replace(quote, ""), "x" as unknown as typeof stamp];',
    "",
  ].join("\n"),
  "src/services/run.ts":
    'export * from "../store/open.ts";\nexport const load = () => import("../text/words.ts");\n',
  "src/mcp/tools/shared/define.ts": "export type Tool = { name: string };\n",
  "src/mcp/tools/kind/get.ts":
    'import type { Tool } from "../shared/define.ts";\nexport const get: Tool = { name: "get" };\n',
  "src/mcp/tools/index.ts": 'export { get } from "./kind/get.ts";\nimport "./shared/define.ts";\n',
  "src/mcp/server.ts":
    'import { get } from "./tools/index.ts";\nimport { open } from "../services/run.ts";\nexport { get, open };\n',
  "src/cli/help.ts": 'import { load } from "../services/run.ts";\nexport { load };\n',
  "src/main.ts":
    'import { get } from "./mcp/server.ts";\nimport { load } from "./cli/help.ts";\nexport { get, load };\n',
  "src/views/card.ts": 'import type { get } from "../mcp/server.ts";\nexport type Card = typeof get;\n',
  "src/views/style.css": "body { margin: 0 }\n",
};

describe("the layer check (scripts/check-layers.ts)", () => {
  it("passes a tree that keeps the order and has no folder cycle", () => {
    const result = check(tree(ORDERLY));
    assert.equal(result.code, 0, result.lines.join("\n"));
    assert.match(
      result.lines.at(-1) ?? "",
      /^layers: in order, no folder cycles \(11 files, 13 imports, \d+ ms\)$/,
    );
  });

  it("names an import against the order, and a folder cycle of two imports the order allows", () => {
    const result = check(
      tree({
        ...ORDERLY,
        "src/store/open.ts": `${ORDERLY["src/store/open.ts"]}export type { Tool } from "../mcp/tools/shared/define.ts";\n`,
        "src/mcp/a/one.ts": 'export { two } from "../b/two.ts";\nexport const one = 1;\n',
        "src/mcp/b/two.ts": '\nimport { one } from "../a/one.ts";\nexport const two = one + 1;\n',
      }),
    );
    assert.equal(result.code, 1);
    assert.deepEqual(result.lines.slice(0, -1), [
      "src/store/open.ts:6 imports src/mcp/tools/shared/define.ts (layer store may not import layer mcp)",
      "folder cycle src/mcp/a -> src/mcp/b -> src/mcp/a:",
      "  src/mcp/a/one.ts:1 imports src/mcp/b/two.ts",
      "  src/mcp/b/two.ts:2 imports src/mcp/a/one.ts",
    ]);
    assert.match(result.lines.at(-1) ?? "", /^layers: 2 problems \(13 files, 16 imports, \d+ ms\)$/);
  });

  it("counts a sub-folder importing its parent while the parent imports it as a cycle", () => {
    const result = check(
      tree({
        ...ORDERLY,
        "src/mcp/tools/kind/get.ts": 'import { helper } from "../index.ts";\nexport const get = helper;\n',
      }),
    );
    assert.equal(result.code, 1);
    assert.deepEqual(result.lines.slice(0, 3), [
      "folder cycle src/mcp/tools -> src/mcp/tools/kind -> src/mcp/tools:",
      "  src/mcp/tools/index.ts:1 imports src/mcp/tools/kind/get.ts",
      "  src/mcp/tools/kind/get.ts:1 imports src/mcp/tools/index.ts",
    ]);
  });

  it("keeps mcp and cli apart, views to themselves, and every folder in the order", () => {
    const result = check(
      tree({
        ...ORDERLY,
        "src/cli/help.ts": 'import { get } from "../mcp/server.ts";\nexport { get };\n',
        "src/mcp/server.ts": `${ORDERLY["src/mcp/server.ts"]}import type { load } from "../cli/help.ts";\n`,
        "src/views/card.ts":
          'import { get } from "../mcp/server.ts";\nimport type { open } from "../store/open.ts";\n',
        "src/services/view.ts": 'import type { Card } from "../views/card.ts";\nexport type { Card };\n',
        "src/extras/x.ts": 'import { now } from "../platform/clock.ts";\nexport { now };\n',
        "src/text/up.ts": 'export { now } from "../../scripts/clock.ts";\n',
      }),
    );
    assert.equal(result.code, 1);
    assert.deepEqual(result.lines.slice(0, -1), [
      "src/cli/help.ts:1 imports src/mcp/server.ts (layer cli may not import layer mcp)",
      "src/extras/x.ts:1 imports src/platform/clock.ts (folder src/extras has no layer in scripts/check-layers/layers.json)",
      "src/mcp/server.ts:4 imports src/cli/help.ts (layer mcp may not import layer cli)",
      "src/services/view.ts:1 imports src/views/card.ts (layer services may not import layer views)",
      "src/text/up.ts:1 imports scripts/clock.ts (layer text may not import outside src)",
      "src/views/card.ts:1 imports src/mcp/server.ts (layer views may not import layer mcp)",
      "src/views/card.ts:2 imports src/store/open.ts (layer views may not import layer store)",
      "folder cycle src/cli -> src/mcp -> src/cli (among src/cli, src/mcp, src/services, src/views):",
      "  src/cli/help.ts:1 imports src/mcp/server.ts",
      "  src/mcp/server.ts:4 imports src/cli/help.ts",
    ]);
  });

  it("reads the real src/ and names imports seeded into a copy of it", () => {
    const result = check(
      tree(
        {
          "src/store/seeded-order.ts": 'import { TOOLS } from "../mcp/server.ts";\nexport { TOOLS };\n',
          "src/platform/seeded-a/a.ts": 'export { b } from "../seeded-b/b.ts";\nexport const a = 1;\n',
          "src/platform/seeded-b/b.ts": 'import { a } from "../seeded-a/a.ts";\nexport const b = a;\n',
        },
        true,
      ),
    );
    assert.equal(result.code, 1);
    // Only the seeded problems are asserted, so the test does not depend on the real tree being clean.
    for (const line of [
      "src/store/seeded-order.ts:1 imports src/mcp/server.ts (layer store may not import layer mcp)",
      "folder cycle src/platform/seeded-a -> src/platform/seeded-b -> src/platform/seeded-a:",
      "  src/platform/seeded-a/a.ts:1 imports src/platform/seeded-b/b.ts",
      "  src/platform/seeded-b/b.ts:1 imports src/platform/seeded-a/a.ts",
    ]) {
      assert.ok(result.lines.includes(line), `missing: ${line}\n${result.lines.join("\n")}`);
    }
  });
});

describe("importSites", () => {
  it("finds every form of import and re-export, on the line of its specifier", () => {
    const text = [
      'import a from "./a.ts";',
      "import {",
      "  type B,",
      "  c,",
      '} from "./c.ts";',
      'import type { D } from "./d.ts";',
      'import * as e from "./e.ts";',
      'import "./f.ts";',
      'export { g } from "./g.ts";',
      'export type { H } from "./h.ts";',
      'export * as i from "./i.ts";',
      "export { a, c };",
      'const j = await import("./j.ts");',
      'type K = typeof import("./k.ts");',
      "const l = import.meta.url;",
      'import type from "./m.ts";',
    ].join("\n");
    assert.deepEqual(importSites(text), [
      { specifier: "./a.ts", line: 1, typeOnly: false },
      { specifier: "./c.ts", line: 5, typeOnly: false },
      { specifier: "./d.ts", line: 6, typeOnly: true },
      { specifier: "./e.ts", line: 7, typeOnly: false },
      { specifier: "./f.ts", line: 8, typeOnly: false },
      { specifier: "./g.ts", line: 9, typeOnly: false },
      { specifier: "./h.ts", line: 10, typeOnly: true },
      { specifier: "./i.ts", line: 11, typeOnly: false },
      { specifier: "./j.ts", line: 13, typeOnly: false },
      { specifier: "./k.ts", line: 14, typeOnly: false },
      { specifier: "./m.ts", line: 16, typeOnly: false },
    ]);
  });

  it("reads nothing inside comments, strings, templates and regular expressions", () => {
    const text = [
      '// import x from "./comment.ts";',
      '/* export * from "./block.ts"; */',
      "const s = \"import y from './string.ts'\";",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, read below
      'const t = `import ${s} from "./template.ts" ${`import "./nested.ts"`}`;',
      "const r = /[\"'`]/g, half = 1 / 2, q = 'x' / 2;",
      'import z from "./real.ts";',
    ].join("\n");
    assert.deepEqual(importSites(text), [{ specifier: "./real.ts", line: 6, typeOnly: false }]);
  });
});
