import { spawnSync } from "node:child_process";

/**
 * Drops a file's pages from the kernel's page cache (GNU dd, Linux), so that every load run starts the
 * executable from the same state. Peak RSS counts the executable's mapped pages, and how many of them one
 * touch maps depends on how the file got into the cache: just written by the build, Linux 6.x keeps it in
 * large folios and maps up to a whole folio per fault (measured here: copydesk's file-backed RSS 103 MiB
 * after a build, 62 MiB once dropped, for the same run). Without this, peak RSS depends on which subject
 * was built or run last.
 */
export function dropFromPageCache(path: string): void {
  const dropped = spawnSync("dd", [`if=${path}`, "iflag=nocache", "count=0", "status=none"]);
  if (dropped.status !== 0) {
    throw new Error(`could not drop ${path} from the page cache: ${dropped.stderr.toString().trim()}`);
  }
}

/**
 * Puts a file in the page cache the same way for every subject: dropped, then read through once. How many
 * page faults a start takes depends on how its executable got into the cache (just written by a build, run
 * many times since, or read back after a drop), at ~15 us each on this VM. Measured here to the initialize
 * answer: one copydesk executable 6,115 just built and 6,270 read back (every time); another build of the
 * same source 6,762 an hour after it was built and 6,323 read back. Cold starts of a subject built in the
 * same run and one built earlier are only comparable once both went through this.
 */
export function readIntoPageCache(path: string): void {
  dropFromPageCache(path);
  const read = spawnSync("dd", [`if=${path}`, "of=/dev/null", "bs=1M", "status=none"]);
  if (read.status !== 0) {
    throw new Error(`could not read ${path} into the page cache: ${read.stderr.toString().trim()}`);
  }
}
