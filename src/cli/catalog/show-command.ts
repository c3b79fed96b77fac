import { PRODUCT } from "../../kinds/product.ts";
import { recordText } from "../../services/record-text.ts";
import { UsageError } from "../usage-error.ts";
import { countOption, parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { catalogStore } from "./open-store.ts";

/** More than any product has; the number only has to be a whole one from 1. */
const MAX_VERSION = 1_000_000;

export const SHOW_SPEC: SubcommandSpec = {
  name: "show",
  usage: "ID [--version N] [options]",
  summary:
    "Shows one product in full: its facts, its copy field by field (the latest version, or the one asked for),\nwho wrote it, and what the checks found.",
  options: [{ name: "version", value: "N", description: "This version instead of the latest" }],
  provider: false,
};

/** `copydesk show ID`: returns the exit code. */
export async function runShow(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(SHOW_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(SHOW_SPEC, args.dataDir));
    return 0;
  }
  const [id, ...extra] = args.positionals;
  if (id === undefined) throw new UsageError("show: name the product's id (copydesk list shows them)");
  if (extra.length > 0) throw new UsageError(`show: one product at a time; unexpected "${extra[0]}"`);
  const versionText = args.pick("version");
  const version = versionText === undefined ? undefined : countOption("version", versionText, MAX_VERSION);
  const store = catalogStore(args.dataDir);
  try {
    const db = store.get();
    const record = db.get(PRODUCT.name, id, version);
    if (!record) {
      const reason =
        version !== undefined && db.get(PRODUCT.name, id)
          ? `the product "${id}" has no version ${version}`
          : `there is no product with id "${id}" (copydesk list shows the ids)`;
      deps.stderr.write(`copydesk: show: ${reason}\n`);
      return 1;
    }
    deps.stdout.write(`${recordText(PRODUCT, record)}\n`);
    const next = !record.current
      ? `copydesk write --ids ${record.id} writes its copy.`
      : record.status === "written" || record.status === "needs_review"
        ? `copydesk approve ${record.id} approves this copy.`
        : undefined;
    if (next) deps.stdout.write(`\nNext: ${next}\n`);
    return 0;
  } finally {
    store.close();
  }
}
