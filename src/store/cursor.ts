import { InvalidCursorError } from "./records.ts";

/** Cursors are opaque to clients; inside they are the sequence number of the last item returned. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw new InvalidCursorError();
  return Number(match[1]);
}
