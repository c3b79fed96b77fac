// One step of the catalog file benchmark, run in its own process so that its peak RSS is its own:
//   node bench/catalog/file-child.ts library|import|copy|export INPUT OUTPUT DATA_DIR
// Prints {"ms", "count", "peakRssMiB"} on stdout.
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { fileBytes } from "../../src/formats/byte-source.ts";
import { exportCatalog } from "../../src/services/export-catalog.ts";
import { importCatalog } from "../../src/services/import-catalog.ts";
import { newRecordId } from "../../src/store/record-id.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const [mode, input, output, dataDir] = process.argv.slice(2) as [string, string, string, string];

/** The floor: the same file parsed and written again by the CSV library alone, streamed. */
async function library(): Promise<number> {
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

const openStore = () =>
  openSqliteStore({ path: join(dataDir, "copydesk.db"), now: () => new Date(), newId: newRecordId });

async function importFile(): Promise<number> {
  const store = openStore();
  try {
    const result = await importCatalog(store, fileBytes(input), { source: input });
    return result.rows;
  } finally {
    store.close();
  }
}

/** Not timed in the figures: gives every product copy, as a job would, so the export has work to do. */
function addCopy(): number {
  const store = openStore();
  let count = 0;
  try {
    let cursor: string | undefined;
    do {
      const page = store.list("product", { limit: 100, cursor });
      store.transaction(() => {
        for (const record of page.items) {
          store.addVersion("product", record.id, {
            source: "generated",
            instructions: null,
            checks: [],
            copy: {
              description_html: `<p>${record.title}: new copy, with "quotes", commas.</p>\n<p>Line two.</p>`,
              seo_title: `${record.title} | Acme`,
              seo_description: `Buy ${record.title} from Acme.`,
              tags: ["cotton"],
            },
            model: "bench",
            stopReason: "endTurn",
            route: "provider",
          });
          count++;
        }
      });
      cursor = page.nextCursor;
    } while (cursor);
  } finally {
    store.close();
  }
  return count;
}

async function exportFile(): Promise<number> {
  const store = openStore();
  try {
    const result = await exportCatalog(store, { format: "shopify", path: output, include: ["written"] });
    return result.rows;
  } finally {
    store.close();
  }
}

const started = performance.now();
const count =
  mode === "library"
    ? await library()
    : mode === "import"
      ? await importFile()
      : mode === "copy"
        ? addCopy()
        : await exportFile();
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, count, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
