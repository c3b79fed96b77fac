import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";

export type ConfigFs = Pick<
  typeof nodeFs,
  | "readFileSync"
  | "readdirSync"
  | "writeFileSync"
  | "renameSync"
  | "mkdirSync"
  | "copyFileSync"
  | "statSync"
  | "realpathSync"
  | "rmSync"
>;

export const realFs: ConfigFs = nodeFs;

export interface ExistingFile {
  /** Where writes go: the target of a symlink (dotfile managers link config files), else the path itself. */
  readonly realPath: string;
  readonly text: string;
  readonly mode: number;
}

/** The file as it is now, or undefined if there is none. Other read errors propagate. */
export function readExisting(fs: ConfigFs, path: string): ExistingFile | undefined {
  let realPath: string;
  try {
    realPath = fs.realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const text = fs.readFileSync(realPath, "utf8");
  return { realPath, text, mode: fs.statSync(realPath).mode & 0o777 };
}

/** Copies the file to `<file>.bak-<UTC time>` without overwriting an earlier backup. */
export function backup(fs: ConfigFs, path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  for (let attempt = 1; ; attempt++) {
    const target = `${path}.bak-${stamp}${attempt > 1 ? `-${attempt}` : ""}`;
    try {
      fs.copyFileSync(path, target, nodeFs.constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 50) throw error;
    }
  }
}

/**
 * Writes a temporary file beside the target and renames it over the target, so a crash or a full disk
 * leaves either the old file or the new one, never half of one.
 */
export function writeAtomically(fs: ConfigFs, path: string, text: string, mode: number): void {
  const folder = dirname(path);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { mode, flag: "wx" });
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
