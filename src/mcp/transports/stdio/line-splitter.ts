/** The SDK's stdio limit, kept: a larger message is refused, not buffered. */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;

export type LineEvent =
  | { readonly type: "line"; readonly text: string }
  /** A line longer than the limit: its bytes were dropped as they came, never held whole. */
  | { readonly type: "too-long"; readonly bytes: number };

/**
 * Splits a byte stream into newline-terminated lines, decoding each whole line as UTF-8 (a character
 * split across chunks stays intact). A line over `maxBytes` is skipped up to its newline and reported,
 * so one oversized message costs one error reply instead of the connection.
 */
export function lineSplitter(onEvent: (event: LineEvent) => void, maxBytes = MAX_LINE_BYTES) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipped: number | undefined;

  return (chunk: Buffer): void => {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      if (skipped !== undefined) {
        skipped += piece.length;
      } else if (pendingBytes + piece.length > maxBytes) {
        skipped = pendingBytes + piece.length;
        pending = [];
        pendingBytes = 0;
      } else if (piece.length > 0) {
        pending.push(piece);
        pendingBytes += piece.length;
      }
      if (newline === -1) return;
      if (skipped !== undefined) {
        onEvent({ type: "too-long", bytes: skipped });
        skipped = undefined;
      } else {
        const text = Buffer.concat(pending, pendingBytes).toString("utf8");
        pending = [];
        pendingBytes = 0;
        onEvent({ type: "line", text: text.endsWith("\r") ? text.slice(0, -1) : text });
      }
      start = newline + 1;
    }
  };
}
