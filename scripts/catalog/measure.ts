// Import + export of a big Shopify CSV through src/catalog against csv-parse + csv-stringify alone: time and
// peak RSS, each run in its own process. A measurement, not a test.
//   node scripts/catalog/measure.ts [ROWS=100000] [RUNS=3]
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { fileBytes } from "../../src/catalog/byte-source.ts";
import type { ExportRow } from "../../src/catalog/export.ts";
import { writeCatalogFile } from "../../src/catalog/export-file.ts";
import { openCatalog } from "../../src/catalog/import.ts";
import type { ImportItem } from "../../src/catalog/types.ts";
import { makeBigCsv } from "./make-big-csv.ts";

async function library(input: string, output: string): Promise<number> {
  let records = 0;
  await pipeline(
    createReadStream(input, { highWaterMark: 256 * 1024 }),
    parse({ bom: true, relax_column_count: true }),
    async function* (rows: AsyncIterable<string[]>) {
      for await (const row of rows) {
        records++;
        yield row;
      }
    },
    stringify({ record_delimiter: "\r\n" }),
    createWriteStream(output),
  );
  return records;
}

async function copydesk(input: string, output: string): Promise<number> {
  const opened = await openCatalog(fileBytes(input));
  let products = 0;
  async function* rows(items: AsyncIterable<ImportItem>): AsyncIterable<ExportRow> {
    for await (const item of items) {
      if (item.kind !== "product") {
        for (const row of item.kind === "attached" ? item.rows : [item.row]) yield { raw: row.raw };
        continue;
      }
      products++;
      const [first, ...rest] = item.product.rows;
      if (first === undefined) continue;
      yield {
        raw: first.raw,
        copy: {
          description_html: `<p>${item.product.title}: new copy, with "quotes", commas.</p>\n<p>Line two.</p>`,
          seo_title: `${item.product.title} | Acme`,
          seo_description: `Buy ${item.product.title} from Acme.`,
        },
      };
      for (const row of rest) yield { raw: row.raw };
    }
  }
  await writeCatalogFile(output, opened.header, rows(opened.items), [], { source: input });
  return products;
}

async function child(mode: string, input: string, output: string) {
  const started = performance.now();
  const count = mode === "library" ? await library(input, output) : await copydesk(input, output);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, count, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  const [rows = "100000", runs = "3"] = process.argv.slice(2);
  const folder = await mkdtemp(join(tmpdir(), "copydesk-catalog-bench-"));
  try {
    const input = join(folder, "products.csv");
    await makeBigCsv(input, Number(rows));
    const size = (await stat(input)).size;
    console.log(
      `${rows} rows, ${(size / 1024 / 1024).toFixed(1)} MiB; median of ${runs} runs, each in its own process`,
    );
    const results: Record<string, { ms: number[]; rss: number[]; count: number }> = {};
    for (let run = 0; run < Number(runs); run++) {
      for (const mode of ["library", "copydesk"]) {
        const out = execFileSync(
          process.execPath,
          [import.meta.filename, "--child", mode, input, join(folder, `${mode}.csv`)],
          {
            encoding: "utf8",
          },
        );
        const result = JSON.parse(out) as { ms: number; count: number; peakRssMiB: number };
        results[mode] ??= { ms: [], rss: [], count: result.count };
        const entry = results[mode];
        entry.ms.push(result.ms);
        entry.rss.push(result.peakRssMiB);
      }
    }
    const base = results.library as { ms: number[]; rss: number[] };
    for (const [mode, entry] of Object.entries(results)) {
      const ms = median(entry.ms);
      console.log(
        `${mode.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${(ms / median(base.ms)).toFixed(2)}x  peak RSS ${median(entry.rss).toFixed(0).padStart(4)} MiB  (${entry.count} ${mode === "library" ? "records" : "products"})`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [, , , mode, input, output] = process.argv;
  await child(mode as string, input as string, output as string);
} else {
  await main();
}
