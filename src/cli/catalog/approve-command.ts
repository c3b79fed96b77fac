import { approvalText, approveCopy } from "../../services/approve-copy.ts";
import { UsageError } from "../usage-error.ts";
import { parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { catalogStore } from "./open-store.ts";
import { statusOption } from "./status-option.ts";

export const APPROVE_SPEC: SubcommandSpec = {
  name: "approve",
  usage: "ID... [options]\n       copydesk approve --status written|needs_review [--import ID] [options]",
  summary:
    "Approves products' current copy for the store: copydesk export writes approved products. Name the\nproducts, or take every one with a status (of one import, with --import). A product without copy stays\nas it is.",
  options: [
    {
      name: "status",
      value: "STATUS",
      description:
        "Every product with this status: written, or needs_review (a check failed or a person edited it)",
    },
    { name: "import", value: "ID", description: "With --status: only the products of this import" },
  ],
  provider: false,
  notes: "Then: copydesk export --format shopify --output FILE writes the approved copy back.",
};

/** `copydesk approve`: returns the exit code (1 when a product named was not approved). */
export async function runApprove(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(APPROVE_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(APPROVE_SPEC, args.dataDir));
    return 0;
  }
  const statusText = args.pick("status");
  const importId = args.pick("import");
  const ids = args.positionals;
  if (ids.length > 0 && (statusText !== undefined || importId !== undefined)) {
    throw new UsageError("approve: name products or give --status, not both");
  }
  if (ids.length === 0 && statusText === undefined) {
    throw new UsageError(
      importId === undefined
        ? "approve: name the products' ids, or give --status written (see copydesk approve --help)"
        : "approve: --import needs --status, e.g. --status written",
    );
  }
  const selection =
    statusText === undefined
      ? { ids }
      : { status: statusOption(statusText, ["written", "needs_review"]), importId };
  const store = catalogStore(args.dataDir);
  try {
    const result = approveCopy(store.get(), selection);
    deps.stdout.write(`${approvalText(result)}\n`);
    if (result.approved.length > 0) {
      deps.stdout.write("Next: copydesk export --format FORMAT --output FILE writes their copy back.\n");
    }
    return result.notFound.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}
