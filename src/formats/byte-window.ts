/**
 * The bytes of a stream that are still wanted, addressed by their offset in the whole stream: a reader adds
 * each buffer as it passes it on, and takes the text between two offsets once it knows where a piece ends.
 * Buffers wholly before the last offset taken are let go.
 */
export class ByteWindow {
  readonly #buffers: Buffer[] = [];
  /** The stream offset of the first buffer kept. */
  #start = 0;
  /** Where the next text taken starts. */
  #taken = 0;

  /** `start`: where the first text taken starts (past a byte order mark). */
  constructor(start = 0) {
    this.#taken = start;
  }

  add(buffer: Buffer): void {
    this.#buffers.push(buffer);
  }

  /** The UTF-8 text from where the last one ended up to `end` (exclusive); a piece must end on a character. */
  take(end: number): string {
    const from = this.#taken;
    this.#taken = end;
    for (let first = this.#buffers[0]; first !== undefined && this.#start + first.length <= from; ) {
      this.#start += first.length;
      this.#buffers.shift();
      first = this.#buffers[0];
    }
    const head = this.#buffers[0];
    if (head === undefined) throw new Error(`No bytes are kept from offset ${from}.`);
    if (end - this.#start <= head.length) return head.toString("utf8", from - this.#start, end - this.#start);
    const parts: Buffer[] = [];
    let at = this.#start;
    for (const buffer of this.#buffers) {
      if (at >= end) break;
      parts.push(buffer.subarray(Math.max(0, from - at), Math.min(buffer.length, end - at)));
      at += buffer.length;
    }
    if (at < end) throw new Error(`Only bytes up to offset ${at} are kept, not ${end}.`);
    return Buffer.concat(parts).toString("utf8");
  }
}
