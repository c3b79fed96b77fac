import { isUtf8 } from "node:buffer";
import { constants } from "node:fs";
import { fsPromises } from "../platform/fs-promises.ts";
import { CatalogFileError } from "./errors.ts";

export type ByteSource = AsyncIterable<Uint8Array>;

const UNREADABLE: Record<string, string> = {
  ENOENT: "there is no such file",
  EACCES: "copydesk may not read it",
  EPERM: "copydesk may not read it",
  EISDIR: "it is a folder",
};

/**
 * Reads a regular file only. O_NONBLOCK keeps the open of a FIFO from waiting for a writer (forever, and
 * holding one of libuv's four file threads); anything but a regular file is then refused before a read.
 */
export async function* fileBytes(path: string): ByteSource {
  let file: import("node:fs/promises").FileHandle;
  try {
    file = await fsPromises().open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const stats = await file.stat();
    if (stats.isDirectory()) throw new CatalogFileError("unreadable", `Cannot read ${path}: it is a folder.`);
    if (!stats.isFile()) {
      throw new CatalogFileError(
        "unreadable",
        `Cannot read ${path}: it is not a regular file (a pipe, device or socket).`,
      );
    }
    yield* file.createReadStream({ highWaterMark: 256 * 1024, autoClose: false });
  } catch (error) {
    throw error instanceof CatalogFileError ? error : unreadable(path, error);
  } finally {
    await file.close();
  }
}

function unreadable(path: string, error: unknown): unknown {
  const why = UNREADABLE[(error as NodeJS.ErrnoException).code ?? ""];
  if (why === undefined) return error;
  return new CatalogFileError("unreadable", `Cannot read ${path}: ${why}.`);
}

export async function* textBytes(text: string): ByteSource {
  yield Buffer.from(text, "utf8");
}

const SNIFF_BYTES = 4096;

/** What the start of a file told; `bytes` replays the whole file (BOM included), checked as it streams. */
export interface CheckedBytes {
  head: Buffer;
  bom: boolean;
  bytes: AsyncIterable<Buffer>;
}

const MAGIC: readonly [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "an Excel workbook or another ZIP archive; save it as CSV UTF-8"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Excel workbook (.xls); save it as CSV UTF-8"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x1f, 0x8b], "a gzip archive; unpack it first"],
  [[0xff, 0xfe], "UTF-16 text; save it as CSV UTF-8"],
  [[0xfe, 0xff], "UTF-16 text; save it as CSV UTF-8"],
];

/**
 * Refuses binary and non-UTF-8 input before anything is parsed where it can (the first 4 KiB), and while
 * streaming otherwise: a NUL byte or an invalid UTF-8 sequence anywhere fails the import.
 */
export async function checkBytes(source: ByteSource): Promise<CheckedBytes> {
  const iterator = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let firstLength = 0;
  let done = false;
  while (firstLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    first.push(chunk);
    firstLength += chunk.length;
  }
  const head = Buffer.concat(first);
  if (head.length === 0 || (head.length === 3 && hasBom(head)) || /^\s*$/.test(head.toString("utf8"))) {
    if (done) throw new CatalogFileError("empty", "The file is empty.");
  }
  for (const [magic, what] of MAGIC) {
    if (magic.every((byte, index) => head[index] === byte)) {
      throw new CatalogFileError("binary", `The file is not CSV text: it looks like ${what}.`);
    }
  }
  async function* replay(): AsyncIterable<Buffer> {
    let offset = 0;
    let carry: Buffer | undefined;
    const check = (chunk: Buffer): Buffer => {
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        throw new CatalogFileError(
          "binary",
          `The file is not CSV text: it holds binary data (a NUL byte at byte ${offset + nul}).`,
        );
      }
      const joined = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
      const start = offset - (carry?.length ?? 0);
      const cut = completeLength(joined);
      if (!isUtf8(joined.subarray(0, cut))) {
        throw new CatalogFileError(
          "not-utf8",
          `The file is not UTF-8 text (an invalid byte sequence after byte ${start}); in a spreadsheet, save it as CSV UTF-8.`,
        );
      }
      carry = cut === joined.length ? undefined : Buffer.from(joined.subarray(cut));
      offset += chunk.length;
      return chunk;
    };
    for (const chunk of first) yield check(chunk);
    if (!done) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield check(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      }
    }
    if (carry !== undefined) {
      throw new CatalogFileError("not-utf8", "The file is not UTF-8 text: it ends inside a character.");
    }
  }
  return { head, bom: hasBom(head), bytes: replay() };
}

function hasBom(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}
