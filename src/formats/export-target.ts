import type { Stats } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fsPromises } from "../platform/fs-promises.ts";
import { CatalogExportError } from "./errors.ts";

/** The extension each layout's file must have: an export never names copydesk.db, a dotfile or a device. */
export const EXPORT_EXTENSIONS = { csv: ".csv", jsonl: ".jsonl" } as const;

/**
 * The path an export was given, made absolute against `base`; a trailing separator (a folder) is kept.
 * Without a base a relative path is refused: a server's working folder is wherever its client started it.
 */
export function exportPath(given: string, base?: string): string {
  if (base === undefined && !isAbsolute(given)) {
    throw new CatalogExportError(
      `${given} is a relative path: give the export file's absolute path (e.g. ${resolve("/home/me", "products.csv")}); the server does not know which folder you mean.`,
    );
  }
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

/** The path with every link resolved; for a file not there yet, its folder's real path and its name. */
export async function realPathOf(path: string): Promise<string> {
  const real = (p: string) =>
    fsPromises()
      .realpath(p)
      .catch(() => undefined);
  return (await real(path)) ?? join((await real(dirname(path))) ?? dirname(resolve(path)), basename(path));
}

const within = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === "" || (rel.split(sep)[0] !== ".." && !isAbsolute(rel));
};

/** Where an export would write: the real path, and the regular file there now, if any. */
export interface ExportTarget {
  readonly realPath: string;
  readonly existing: Stats | undefined;
}

/**
 * Refuses an export path that an export would destroy or misuse: one without the layout's extension (the
 * database, `~/.bashrc`), a hidden file, a folder, or anything but a regular file where the path (or the
 * link it is) points. Renaming the finished file over such a path replaced device nodes and FIFOs, and
 * the live database, with a CSV.
 */
export async function checkExportTarget(
  path: string,
  extension: string,
  dataFolder?: string,
): Promise<ExportTarget> {
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
  const realPath = await realPathOf(path);
  if (dataFolder !== undefined) {
    // The file and the folder the rename happens in (a link in the data folder is replaced, not followed).
    const data = await realPathOf(dataFolder);
    const folder = await realPathOf(dirname(resolve(path)));
    if (within(data, realPath) || within(data, folder)) {
      throw new CatalogExportError(
        `${path} is inside copydesk's data folder ${dataFolder}, next to its database: write the export somewhere else.`,
      );
    }
  }
  return { realPath, existing: found };
}
