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
