import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { fsPromises } from "../platform/fs-promises.ts";
import { thisProcess } from "../platform/process-probe.ts";
import { CatalogExportError } from "./errors.ts";

const BATCH = 1024 * 1024;

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (path: string) =>
    fsPromises()
      .realpath(path)
      .catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

/**
 * Writes all of `text`: a write on a nearly full disk writes what fits and says how much (the next one
 * fails with ENOSPC); taking the first as all of it renamed a cut-off file into place as a finished export.
 */
async function writeAll(handle: import("node:fs/promises").FileHandle, text: string): Promise<number> {
  const buffer = Buffer.from(text);
  let done = 0;
  while (done < buffer.length) done += (await handle.write(buffer, done)).bytesWritten;
  return done;
}

/** Removes the temporary files of exports to `name` whose process is gone (killed before its rename). */
async function removeAbandoned(folder: string, name: string): Promise<void> {
  const entries = await fsPromises()
    .readdir(folder)
    .catch(() => [] as string[]);
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(entry.slice(prefix.length))?.[1];
    if (pid !== undefined && Number(pid) !== thisProcess.pid && !thisProcess.isAlive(Number(pid))) {
      await fsPromises()
        .rm(join(folder, entry), { force: true })
        .catch(() => undefined);
    }
  }
}

/**
 * Writes text to `path` so that a reader sees the old file or the whole new one, never a part: a temporary file
 * in the same folder, flushed to disk, then renamed over. Refuses the source file unless `overwriteSource`.
 */
export async function writeFileAtomically(
  path: string,
  chunks: AsyncIterable<string>,
  options: { source?: string; overwriteSource?: boolean } = {},
): Promise<{ bytes: number }> {
  if (options.source !== undefined && !options.overwriteSource && (await samePath(path, options.source))) {
    throw new CatalogExportError(
      `${path} is the file the products were imported from; choose another output file, or ask to overwrite the source.`,
    );
  }
  const folder = dirname(resolve(path));
  await removeAbandoned(folder, basename(path));
  // The writer's pid in the name: a later export can tell a file a killed export left from one being written.
  const temporary = join(
    folder,
    `.${basename(path)}.${thisProcess.pid}-${randomBytes(6).toString("hex")}.tmp`,
  );
  const handle = await fsPromises()
    .open(temporary, "wx")
    .catch((error: NodeJS.ErrnoException) => {
      throw new CatalogExportError(`Cannot write in ${folder} (${error.code ?? error.message}).`);
    });
  let bytes = 0;
  try {
    let batch = "";
    for await (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= BATCH) {
        bytes += await writeAll(handle, batch);
        batch = "";
      }
    }
    if (batch !== "") bytes += await writeAll(handle, batch);
    await handle.sync();
    await handle.close();
    await fsPromises().rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsPromises().rm(temporary, { force: true });
    // A failed write names no file; the message (a full disk) should name the export's.
    if (
      (error as NodeJS.ErrnoException).code !== undefined &&
      (error as NodeJS.ErrnoException).path === undefined
    ) {
      Object.assign(error as object, { path });
    }
    throw error;
  }
  // The rename itself is durable only once the folder is flushed; not every platform can open a folder.
  const directory = await fsPromises()
    .open(folder, "r")
    .catch(() => undefined);
  await directory?.sync().catch(() => undefined);
  await directory?.close();
  return { bytes };
}
