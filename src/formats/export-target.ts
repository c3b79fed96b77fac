import type { Stats } from "node:fs";
import { basename, extname, resolve, sep } from "node:path";
import { fsPromises } from "../platform/fs-promises.ts";
import { CatalogExportError } from "./errors.ts";

/** The extension each layout's file must have: an export never names copydesk.db, a dotfile or a device. */
export const EXPORT_EXTENSIONS = { csv: ".csv", jsonl: ".jsonl" } as const;

/** The path an export was given, made absolute against `base`; a trailing separator (a folder) is kept. */
export function exportPath(given: string, base?: string): string {
  const absolute = base === undefined ? resolve(given) : resolve(base, given);
  return /[\\/]$/.test(given) ? `${absolute}${sep}` : absolute;
}

function typeOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Refuses an export path that an export would destroy or misuse: one without the layout's extension (the
 * database, `~/.bashrc`), a hidden file, a folder, or anything but a regular file where the path (or the
 * link it is) points. Renaming the finished file over such a path replaced device nodes and FIFOs, and
 * the live database, with a CSV.
 */
export async function checkExportTarget(path: string, extension: string): Promise<void> {
  const name = basename(path);
  if (path.endsWith(sep) || path.endsWith("/") || name === "") {
    throw new CatalogExportError(
      `${path} names a folder: give the export file's name, ending in ${extension}.`,
    );
  }
  if (name.startsWith(".")) {
    throw new CatalogExportError(
      `${path} is a hidden file: copydesk does not write exports over dotfiles; choose a name like products${extension}.`,
    );
  }
  if (extname(name).toLowerCase() !== extension) {
    throw new CatalogExportError(
      `${path} does not end in ${extension}: an export of this layout is a ${extension} file.`,
    );
  }
  const found = await fsPromises()
    .stat(path)
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw new CatalogExportError(`Cannot look at ${path} (${error.code ?? error.message}).`);
    });
  if (found !== undefined && !found.isFile()) {
    throw new CatalogExportError(
      `${path} is ${typeOf(found)}: an export only creates or replaces a regular file.`,
    );
  }
}
