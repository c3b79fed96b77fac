import { PRODUCT } from "../../kinds/product.ts";
import { recordLine } from "../../services/record-line.ts";
import { selectProducts } from "../../services/selection.ts";
import { RECORD_STATUSES } from "../../store/records.ts";
import { count } from "../../text/count.ts";
import { UsageError } from "../usage-error.ts";
import { parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { catalogStore } from "./open-store.ts";
import { statusOption } from "./status-option.ts";

export const LIST_SPEC: SubcommandSpec = {
  name: "list",
  usage: "[--status STATUS] [--import ID] [options]",
  summary:
    "Lists the products, oldest first (the order they were imported in), one line each: title, id, version,\nstatus, the checks that fail and the start of the description.",
  options: [
    {
      name: "status",
      value: "STATUS",
      description: `Only those with this status: ${RECORD_STATUSES.join(", ")}`,
    },
    {
      name: "import",
      value: "ID",
      description: "Only the products of this import (copydesk import prints it)",
    },
  ],
  provider: false,
  notes: "Then: copydesk show ID shows one in full; copydesk approve ID... (or --status written) approves.",
};

/** `copydesk list`: returns the exit code. */
export async function runList(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(LIST_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(LIST_SPEC, args.dataDir));
    return 0;
  }
  if (args.positionals.length > 0) {
    throw new UsageError(`list: unexpected "${args.positionals[0]}"; copydesk show ID shows one product`);
  }
  const statusText = args.pick("status");
  const status = statusText === undefined ? undefined : statusOption(statusText);
  const importId = args.pick("import");
  const store = catalogStore(args.dataDir);
  try {
    const records = selectProducts(store.get(), { all: true, status, importId });
    const which = [
      ...(status !== undefined ? [`status ${status}`] : []),
      ...(importId !== undefined ? [`of import ${importId}`] : []),
    ].join(", ");
    if (records.length === 0) {
      deps.stdout.write(
        which === ""
          ? "No products yet: copydesk import FILE imports a store's product file.\n"
          : `No products match (${which}).\n`,
      );
      return 0;
    }
    for (const record of records) {
      deps.stdout.write(
        `${recordLine(PRODUCT, record, { draftHint: `copydesk write --ids ${record.id} writes it` })}\n`,
      );
    }
    deps.stdout.write(
      `${count(records.length, "product")}${which === "" ? "" : ` (${which})`}. ` +
        "copydesk show ID shows one in full; copydesk approve ID... approves.\n",
    );
    return 0;
  } finally {
    store.close();
  }
}
