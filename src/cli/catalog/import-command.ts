import { resolve } from "node:path";
import { fileBytes } from "../../formats/byte-source.ts";
import type { FormatChoice } from "../../formats/layout.ts";
import type { ColumnMapping } from "../../formats/types.ts";
import { importCatalog } from "../../services/import-catalog.ts";
import { count } from "../../text/count.ts";
import { UsageError } from "../usage-error.ts";
import { parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { catalogStore } from "./open-store.ts";

const FORMATS = ["shopify", "woocommerce", "csv", "jsonl"] as const;
/** More rejected rows than this are counted, not listed. */
const LISTED_REJECTIONS = 20;

export const IMPORT_SPEC: SubcommandSpec = {
  name: "import",
  usage: "FILE [options]",
  summary:
    "Imports a store's product file into copydesk: a Shopify product CSV (either header dialect), a WooCommerce\nproduct CSV, another CSV with --mapping, or JSON Lines. Importing the same file again updates the products\n(matched by handle, SKU or ID) instead of adding them twice. A file that cannot be read imports nothing.",
  options: [
    {
      name: "format",
      value: FORMATS.join("|"),
      description: "The file's layout (default: told from its header, or JSON Lines when it starts with {)",
    },
    {
      name: "mapping",
      value: "JSON",
      description:
        'For a generic CSV: which column holds what, e.g. \'{"title": "Product Name", "keywords": "Features"}\'',
    },
  ],
  provider: false,
  notes:
    "Next: copydesk write --import ID writes the copy; copydesk list, show and approve review it; copydesk export\nwrites the file back.",
};

/** `copydesk import FILE`: returns the exit code. */
export async function runImport(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(IMPORT_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(IMPORT_SPEC, args.dataDir));
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined)
    throw new UsageError("import: name the file to import (see copydesk import --help)");
  if (extra.length > 0) throw new UsageError(`import: one file at a time; unexpected "${extra[0]}"`);
  const formatText = args.pick("format");
  if (formatText !== undefined && !(FORMATS as readonly string[]).includes(formatText)) {
    throw new UsageError(`--format: "${formatText}" is not one of ${FORMATS.join(", ")}`);
  }
  const path = resolve(deps.cwd, file);
  const format = formatText as FormatChoice | "jsonl" | undefined;
  const mapping = parseMapping(args.pick("mapping"));

  const store = catalogStore(args.dataDir);
  try {
    const result = await importCatalog(store.get(), fileBytes(path), { format, mapping, source: path });
    const out = deps.stdout;
    out.write(
      `Imported ${file} (${result.dialect}): ${count(result.rows, "row")}, ${count(result.products, "product")}: ` +
        `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ` +
        `${count(result.rejected.length, "row")} rejected.\n`,
    );
    for (const rejection of result.rejected.slice(0, LISTED_REJECTIONS)) {
      out.write(`  row ${rejection.row} rejected: ${rejection.reason}\n`);
    }
    if (result.rejected.length > LISTED_REJECTIONS) {
      out.write(`  ... and ${result.rejected.length - LISTED_REJECTIONS} more rejected\n`);
    }
    out.write(`Import id: ${result.importId}\n`);
    out.write(`Next: copydesk write --import ${result.importId}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function parseMapping(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--mapping: not JSON; write it as '{"title": "Product Name"}'`);
  }
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    !Object.values(value).every((column) => typeof column === "string")
  ) {
    throw new UsageError('--mapping: give an object of column names, e.g. \'{"title": "Product Name"}\'');
  }
  if (typeof (value as { title?: unknown }).title !== "string") {
    throw new UsageError('--mapping: say which column holds the title, e.g. \'{"title": "Product Name"}\'');
  }
  return value as ColumnMapping;
}
