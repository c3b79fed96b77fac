import assert from "node:assert/strict";
import { it } from "node:test";
import { sniffImageType } from "../../src/images/image-type.ts";
import { GIF, HEIC, HTML, JPEG, PDF, PNG, SVG, WEBP } from "../support/images.ts";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))),
  );

it("knows the four types providers and MCP clients take, by their first bytes", () => {
  assert.deepEqual(sniffImageType(PNG), { supported: true, mimeType: "image/png" });
  assert.deepEqual(sniffImageType(JPEG), { supported: true, mimeType: "image/jpeg" });
  assert.deepEqual(sniffImageType(GIF), { supported: true, mimeType: "image/gif" });
  assert.deepEqual(sniffImageType(bytes("GIF87a", [1, 0, 1, 0])), { supported: true, mimeType: "image/gif" });
  assert.deepEqual(sniffImageType(WEBP), { supported: true, mimeType: "image/webp" });
});

it("names what it refuses", () => {
  const cases: Array<[Uint8Array, string]> = [
    [SVG, "an SVG image"],
    [Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'), "an SVG image"],
    [PDF, "a PDF document"],
    [HEIC, "a HEIC/HEIF image"],
    [bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0]), "an AVIF image"],
    [bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]), 'an ISO media file (brand "isom", a video?)'],
    [HTML, "an HTML page"],
    [bytes("BM", [0x36, 0, 0, 0]), "a BMP image"],
    [bytes("II*", [0]), "a TIFF image"],
    [bytes([0, 0, 1, 0, 1, 0]), "an ICO icon"],
    [bytes([0xff, 0x0a, 0xfa]), "a JPEG XL image"],
    [bytes("PK\x03\x04"), "a ZIP archive"],
    [bytes([0x1f, 0x8b, 8, 0]), "gzip-compressed data"],
    [bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "), "a RIFF file that is not WebP (audio or video?)"],
    [Buffer.from('{"url": "https://example.com/mug.png"}'), "JSON text"],
    [Buffer.from("<?xml version='1.0'?><feed/>"), "an XML document"],
    [Buffer.from("Größe: 350 ml – spülmaschinenfest"), "text"],
    [new Uint8Array(), "no data at all"],
    [bytes([0, 1, 2, 3, 0xfe, 0xfd, 0xfc, 0xfb, 9]), "unrecognised data starting 00 01 02 03 fe fd fc fb"],
  ];
  for (const [input, found] of cases) assert.deepEqual(sniffImageType(input), { supported: false, found });
});

it("calls text cut in the middle of a character text, and binary with control characters not", () => {
  const cut = Buffer.from(`${"a".repeat(2047)}é`).subarray(0, 2048);
  assert.deepEqual(sniffImageType(cut), { supported: false, found: "text" });
  assert.equal(
    (sniffImageType(bytes("abc", [0x01], "def")) as { found: string }).found.startsWith("unrecognised"),
    true,
  );
});
