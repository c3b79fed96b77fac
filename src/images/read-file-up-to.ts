import { fsPromises } from "../platform/fs-promises.ts";

/**
 * A readFile that stops after maxBytes + 1 bytes: enough to tell a file is over the limit without
 * reading all of a huge one (or a device that never ends) into memory.
 */
export function readFileUpTo(maxBytes: number): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const handle = await fsPromises().open(path, "r");
    try {
      const buffer = Buffer.alloc(maxBytes + 1);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  };
}
