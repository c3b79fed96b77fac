import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromChunk, toChunks } from "../../src/formats/row-chunks.ts";

describe("rows kept in chunks", () => {
  const rows = [
    { number: 2, raw: "Handle,Title\r\n" },
    { number: 3, raw: '"tee","T-shirt ""Ünïcode"" 😀\r\nsecond line"\r\n' },
    { number: 4, raw: "" },
    { number: 7, raw: "after,a gap\n" },
    { number: 8, raw: "last,without line ending" },
  ];

  it("a run of consecutive rows is one chunk; a skipped number starts another", () => {
    const chunks = toChunks(rows);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.firstNumber, JSON.parse(chunk.lengths)]),
      [
        [2, [14, rows[1]?.raw.length, 0]],
        [7, [12, 24]],
      ],
    );
    assert.deepEqual(
      chunks.flatMap((chunk) => [...fromChunk(chunk)]),
      rows,
      "every row back, exactly",
    );
  });

  it("no rows, no chunks", () => {
    assert.deepEqual(toChunks([]), []);
  });

  it("a chunk whose text does not match its lengths is refused before any row is read", () => {
    const [chunk] = toChunks(rows.slice(0, 2));
    assert.ok(chunk);
    assert.throws(() => [...fromChunk({ ...chunk, raw: chunk.raw.slice(1) })], /do not match their lengths/);
  });
});
