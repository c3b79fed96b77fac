import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { COPY_COLUMNS } from "../../src/formats/layout.ts";
import type { ToolName, ToolOutputs } from "../../src/mcp/tools/tool-outputs.ts";
import { copywriter } from "../support/copy-replies.ts";
import { callTool, startServer, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

type Result = Awaited<ReturnType<typeof callTool>>;
const ok = <N extends ToolName>(name: N, result: Result): ToolOutputs[N] => {
  assert.equal(result.isError, undefined, textOf(result));
  return structured(name, result);
};

/** Records of a CSV file with their raw text, as the store would read them. */
function records(path: string): Array<{ cells: string[]; raw: string }> {
  return (
    parse(readFileSync(path), { bom: true, raw: true, relax_column_count: true }) as unknown as Array<{
      record: string[];
      raw: string;
    }>
  ).map(({ record, raw }) => ({ cells: record, raw }));
}

for (const [fixture, format, dialect] of [
  ["shopify-current.csv", "shopify", "shopify-current"],
  ["shopify-legacy.csv", "shopify", "shopify-legacy"],
  ["woocommerce.csv", "woocommerce", "woocommerce"],
] as const) {
  describe(`a ${dialect} file: import, write, approve, export, import again`, () => {
    it("changes only the copy columns of each product's first row, and re-importing the export changes nothing", async () => {
      const folder = mkdtempSync(join(tmpdir(), "copydesk-catalog-"));
      const input = resolve("test/fixtures/catalog", fixture);
      const output = join(folder, `export-${fixture}`);
      const server = await startServer({ sampling: copywriter() });
      try {
        const imported = ok(
          "import_products",
          await callTool(server.client, "import_products", { path: input }),
        ).import;
        assert.equal(imported.dialect, dialect);
        const job = ok(
          "write_catalog",
          await callTool(server.client, "write_catalog", { selection: { import_id: imported.importId } }),
        ).job;
        assert.deepEqual(
          [job.state, job.done, job.total],
          ["done", imported.products, imported.products],
          JSON.stringify(job),
        );
        const listed = ok(
          "list_products",
          await callTool(server.client, "list_products", { limit: 100 }),
        ).products;
        ok(
          "approve_products",
          await callTool(server.client, "approve_products", { ids: listed.map((p) => p.id) }),
        );
        const exported = ok(
          "export_products",
          await callTool(server.client, "export_products", { format, path: output }),
        ).export;
        assert.equal(exported.products, imported.products);

        const before = records(input);
        const after = records(output);
        assert.equal(after.length, before.length, "the same rows");
        const header = before[0]?.cells ?? [];
        assert.deepEqual(after[0]?.cells, header, "the same header");
        const copyColumns = new Set(
          Object.entries(COPY_COLUMNS[dialect])
            .filter(([field]) => field !== "tags")
            .map(([, name]) => header.indexOf(name)),
        );
        let filled = 0;
        before.forEach((row, index) => {
          const exportedRow = after[index] as { cells: string[]; raw: string };
          const changed = [...copyColumns].some((column) => exportedRow.cells[column] !== row.cells[column]);
          if (!changed) {
            assert.equal(exportedRow.raw, row.raw, `row ${index + 1} is byte for byte the same`);
            return;
          }
          filled++;
          row.cells.forEach((cell, column) => {
            if (!copyColumns.has(column))
              assert.equal(exportedRow.cells[column], cell, `row ${index + 1}, ${header[column]}`);
          });
          for (const column of copyColumns) {
            assert.ok(
              (exportedRow.cells[column] ?? "").length > 0,
              `row ${index + 1}: ${header[column]} is filled`,
            );
          }
        });
        assert.equal(filled, imported.products, "one row per product carries its copy");
        assert.match(readFileSync(output, "utf8"), /<p>/);

        const again = ok(
          "import_products",
          await callTool(server.client, "import_products", { path: output }),
        ).import;
        assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, imported.products]);
      } finally {
        await server.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}

describe("bad catalog files", () => {
  it("a binary file, an empty file, unbalanced quotes, a 50 MB cell and an unknown layout: each a clear error, nothing imported", async () => {
    const folder = mkdtempSync(join(tmpdir(), "copydesk-bad-"));
    const server = await startServer({ sampling: copywriter() });
    try {
      const { writeFileSync } = await import("node:fs");
      const cases: Array<[string, string | Buffer, RegExp]> = [
        [
          "binary.csv",
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1]),
          /binary|not a text/i,
        ],
        ["empty.csv", "", /empty/i],
        ["quotes.csv", 'Title,URL handle,Description\nMug,mug,"an unclosed quote\n', /quote/i],
        [
          "huge.csv",
          `Title,URL handle,Description\nMug,mug,"${"x".repeat(50 * 1024 * 1024)}"\n`,
          /too large|larger|MiB|MB/i,
        ],
        ["unknown.csv", "Foo,Bar\n1,2\n", /layout|title column|mapping/i],
      ];
      for (const [name, content, pattern] of cases) {
        writeFileSync(join(folder, name), content);
        const result = await callTool(server.client, "import_products", { path: join(folder, name) });
        assert.equal(result.isError, true, name);
        assert.match(textOf(result), pattern, name);
        assert.match(textOf(result), /Nothing was imported/, name);
      }
      const listed = ok("list_products", await callTool(server.client, "list_products", {})).products;
      assert.equal(listed.length, 0);
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
