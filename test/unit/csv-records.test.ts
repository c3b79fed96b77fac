import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ByteWindow } from "../../src/formats/byte-window.ts";
import { csvRecords } from "../../src/formats/csv-records.ts";

async function* pieces(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rowsOf(bytes: Buffer, size: number, bom: boolean) {
  const rows = [];
  for await (const batch of csvRecords(pieces(bytes, size), bom)) rows.push(...batch);
  return rows;
}

describe("a CSV file's records with their exact text", () => {
  const text =
    'Handle,Title,Body\r\n"tee","T-shirt ""Ünïcode"" 😀","<p>one\r\ntwo</p>"\r\n\r\nmug,Mug 350 ml,\r\nlast,without,ending';

  for (const size of [1, 3, 7, 64 * 1024]) {
    it(`gives every byte back in order, read ${size} bytes at a time (BOM, CRLF, quoted line breaks, multi-byte characters)`, async () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      const rows = await rowsOf(bytes, size, true);
      assert.equal(rows.map((row) => row.raw).join(""), text);
      assert.deepEqual(
        rows.map((row) => row.number),
        [1, 2, 3, 4, 5],
      );
      assert.deepEqual(rows[1]?.cells, ["tee", 'T-shirt "Ünïcode" 😀', "<p>one\r\ntwo</p>"]);
      assert.equal(rows[1]?.raw, '"tee","T-shirt ""Ünïcode"" 😀","<p>one\r\ntwo</p>"\r\n');
      assert.equal(rows[2]?.raw, "\r\n");
      assert.equal(rows[4]?.raw, "last,without,ending");
    });
  }

  it("a file without a BOM starts at its first byte", async () => {
    const rows = await rowsOf(Buffer.from("a,b\nc,d\n"), 2, false);
    assert.deepEqual(
      rows.map((row) => row.raw),
      ["a,b\n", "c,d\n"],
    );
  });
});

describe("ByteWindow", () => {
  it("takes text across buffers and lets go of the bytes taken", () => {
    const window = new ByteWindow();
    const euro = Buffer.from("€"); // three bytes, split across two buffers
    window.add(Buffer.concat([Buffer.from("ab"), euro.subarray(0, 1)]));
    window.add(Buffer.concat([euro.subarray(1), Buffer.from("cd")]));
    assert.equal(window.take(1), "a");
    assert.equal(window.take(6), "b€c");
    assert.equal(window.take(7), "d");
    assert.throws(() => window.take(8), /offset 7/);
  });
});
