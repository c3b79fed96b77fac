import { CatalogExportError, CatalogFileError } from "../../formats/errors.ts";
import { escapeControlCharacters } from "../../platform/escape.ts";
import { diskFailure } from "../../services/failures.ts";
import { loadCopyLibraries } from "../../services/libraries.ts";
import { SelectionError } from "../../services/selection.ts";
import { DatabaseWriteError } from "../../store/durability.ts";
import { StoreUnavailableError } from "../../store/lazy-store.ts";
import { SchemaTooNewError } from "../../store/migrations.ts";
import { reportUsageError, UsageError } from "../usage-error.ts";
import { runApprove } from "./approve-command.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { runExport } from "./export-command.ts";
import { runImport } from "./import-command.ts";
import { runList } from "./list-command.ts";
import { runShow } from "./show-command.ts";
import { runWrite } from "./write-command.ts";

const COMMANDS = {
  import: runImport,
  write: runWrite,
  list: runList,
  show: runShow,
  approve: runApprove,
  export: runExport,
} as const;
export type CatalogCommand = keyof typeof COMMANDS;

export function isCatalogCommand(name: string | undefined): name is CatalogCommand {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** Failures a user can act on: one line, no stack. */
const EXPECTED = [
  CatalogFileError,
  CatalogExportError,
  SelectionError,
  StoreUnavailableError,
  SchemaTooNewError,
  DatabaseWriteError,
];

/** `copydesk import|write|list|show|approve|export ...` (argv is what follows the command's name). Returns the exit code. */
export async function runCatalogCommand(
  name: CatalogCommand,
  argv: readonly string[],
  deps: CatalogDeps,
): Promise<number> {
  try {
    // Every catalog command opens the store (an old one is migrated, which makes handles) and
    // `write` writes copy: the libraries for both load here, not at start-up.
    await loadCopyLibraries();
    return await COMMANDS[name](argv, deps);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, deps.stderr);
    const disk = diskFailure(error);
    if (disk !== undefined) {
      deps.stderr.write(`copydesk: ${name}: ${escapeControlCharacters(disk)}\n`);
      return 1;
    }
    const expected = EXPECTED.some((kind) => error instanceof kind);
    const text =
      error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
    deps.stderr.write(`copydesk: ${name}: ${expected ? escapeControlCharacters(text) : text}\n`);
    return 1;
  }
}
