import { exportPath } from "../../formats/export-target.ts";
import { type ExportFormat, exportCatalog } from "../../services/export-catalog.ts";
import { exportSummary } from "../../services/export-summary.ts";
import { RECORD_STATUSES, type RecordStatus } from "../../store/records.ts";
import { UsageError } from "../usage-error.ts";
import { parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { catalogStore } from "./open-store.ts";

const FORMATS: readonly ExportFormat[] = ["shopify", "woocommerce", "csv", "jsonl"];

export const EXPORT_SPEC: SubcommandSpec = {
  name: "export",
  usage: "--format FORMAT --output FILE [options]",
  summary:
    "Writes the products' copy to a file the store imports. Products that came from a store file go out as that\nfile with only the copy columns changed (every other cell, row and column as it was); products made in\ncopydesk are added in the same layout. csv and jsonl take any import: one row or line per product with its\nimported fields. Each product gets the newest copy a person let through (approved, or exported before), so\nexporting again never writes old copy back; the others keep their imported cells unless --include asks for\ntheir latest copy. Written atomically (a temporary file, then a rename), and never over the imported file\nunless asked.\nA relative --output is taken from the current folder. An export never writes inside the data folder,\nand replaces a file already there only if an earlier export wrote it and nobody changed it since\n(--overwrite replaces any other file).",
  options: [
    { name: "format", value: FORMATS.join("|"), description: "The file's layout (required)" },
    { name: "output", short: "o", value: "FILE", description: "Where to write it (required)" },
    {
      name: "include",
      value: "STATUS,...",
      description: `Statuses whose latest copy goes out too, e.g. written (approved and exported copy always does)`,
    },
    {
      name: "import",
      value: "ID",
      description:
        "The import to write (default the newest in this format; for csv and jsonl the newest of any format)",
    },
    {
      name: "tags",
      description: "Write the tags too (off by default: tags drive a store's collections and filters)",
    },
    {
      name: "overwrite",
      description: "Replace a file already there that copydesk did not export (or that changed since)",
    },
    { name: "overwrite-source", description: "Allow writing over the file the products were imported from" },
  ],
  provider: false,
};

/** `copydesk export`: returns the exit code. */
export async function runExport(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(EXPORT_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(EXPORT_SPEC, args.dataDir));
    return 0;
  }
  if (args.positionals.length > 0) {
    throw new UsageError(`export: unexpected "${args.positionals[0]}"; name the file with --output`);
  }
  const format = args.pick("format");
  if (format === undefined) throw new UsageError(`export: --format is required: ${FORMATS.join(", ")}`);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(", ")}`);
  }
  const output = args.pick("output");
  if (output === undefined || output.trim() === "") {
    throw new UsageError("export: --output FILE is required");
  }
  const include = parseInclude(args.pick("include"));
  const importId = args.pick("import");

  const store = catalogStore(args.dataDir);
  try {
    const result = await exportCatalog(store.get(), {
      format: format as ExportFormat,
      path: exportPath(output, deps.cwd),
      include,
      importId,
      tags: args.flag("tags"),
      overwriteSource: args.flag("overwrite-source"),
      overwrite: args.flag("overwrite"),
    });
    const lines = exportSummary(
      { ...result, path: output },
      {
        approve: "copydesk approve",
        includeWritten: "pass --include written to export their copy unapproved",
        includeExported: "pass --include exported",
        write: "copydesk write",
      },
    );
    deps.stdout.write(`${lines.join("\n")}\n`);
    if (result.fieldsWithoutColumn.length > 0) {
      deps.stdout.write(`The file has no column for: ${result.fieldsWithoutColumn.join(", ")} (left out).\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

function parseInclude(text: string | undefined): RecordStatus[] | undefined {
  if (text === undefined) return undefined;
  const statuses = text
    .split(",")
    .map((status) => status.trim())
    .filter((status) => status !== "");
  const unknown = statuses.find((status) => !(RECORD_STATUSES as readonly string[]).includes(status));
  if (unknown !== undefined || statuses.length === 0) {
    throw new UsageError(
      `--include: "${unknown ?? text}" is not a status; use ${RECORD_STATUSES.join(", ")}, comma-separated`,
    );
  }
  return statuses as RecordStatus[];
}
