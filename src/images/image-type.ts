/** The image types both providers (OpenAI, Anthropic) and MCP clients take as model input. */
export type ImageMimeType = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

export type Sniffed =
  | { readonly supported: true; readonly mimeType: ImageMimeType }
  | { readonly supported: false; readonly found: string };

/**
 * The type of some bytes from their first bytes, never from a name, a header or a declared type.
 * Hand-written rather than `file-type` (22.x: five packages) because four signatures decide what is
 * sent, and what matters for the rest is naming the usual mistakes (an SVG, a PDF, an iPhone's HEIC,
 * a web page instead of its image), which `file-type` does not do for text formats such as SVG or HTML.
 */
export function sniffImageType(bytes: Uint8Array, options: { quoteBytes?: boolean } = {}): Sniffed {
  // Off for a download: a caller learns what kind of thing is at a URL, never what it says.
  const quote = options.quoteBytes ?? true;
  const at = (offset: number, signature: readonly number[]) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  const ascii = (offset: number, text: string) =>
    at(
      offset,
      [...text].map((char) => char.charCodeAt(0)),
    );

  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return supported("image/png");
  if (at(0, [0xff, 0xd8, 0xff])) return supported("image/jpeg");
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return supported("image/gif");
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return supported("image/webp");

  if (bytes.length === 0) return unsupported("no data at all");
  if (ascii(4, "ftyp")) return unsupported(isoMedia(String.fromCharCode(...bytes.subarray(8, 12)), quote));
  if (ascii(0, "%PDF-")) return unsupported("a PDF document");
  if (ascii(0, "BM")) return unsupported("a BMP image");
  if (at(0, [0x49, 0x49, 0x2a, 0x00]) || at(0, [0x4d, 0x4d, 0x00, 0x2a])) return unsupported("a TIFF image");
  if (at(0, [0x00, 0x00, 0x01, 0x00])) return unsupported("an ICO icon");
  if (at(0, [0xff, 0x0a]) || at(4, [0x4a, 0x58, 0x4c, 0x20])) return unsupported("a JPEG XL image");
  if (ascii(0, "PK\x03\x04")) return unsupported("a ZIP archive");
  if (at(0, [0x1f, 0x8b])) return unsupported("gzip-compressed data");
  if (ascii(0, "RIFF")) return unsupported("a RIFF file that is not WebP (audio or video?)");

  const text = asText(bytes.subarray(0, 2048));
  if (text !== undefined) {
    const start = text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .toLowerCase();
    if (/<svg[\s>]/.test(start.slice(0, 2048)) && !start.startsWith("<!doctype html"))
      return unsupported("an SVG image");
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) return unsupported("an HTML page");
    if (start.startsWith("<?xml")) return unsupported("an XML document");
    if (start.startsWith("{") || start.startsWith("[")) return unsupported("JSON text");
    return unsupported("text");
  }
  if (!quote) return unsupported("unrecognised data");
  const first = [...bytes.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return unsupported(`unrecognised data starting ${first}`);
}

function supported(mimeType: ImageMimeType): Sniffed {
  return { supported: true, mimeType };
}

function unsupported(found: string): Sniffed {
  return { supported: false, found };
}

/** ISO base media files: HEIC/HEIF (iPhone photos), AVIF, and videos share the `ftyp` box. */
function isoMedia(brand: string, quote: boolean): string {
  if (["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].includes(brand))
    return "a HEIC/HEIF image";
  if (brand === "avif" || brand === "avis") return "an AVIF image";
  if (!quote) return "an ISO media file (a video?)";
  return `an ISO media file (brand "${brand.replace(/[^\x20-\x7e]/g, "?")}", a video?)`;
}

/** The bytes as text when they look like text (UTF-8 without control characters but tab and newlines). */
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    // A cut in the middle of a character at the end of the sample is not a reason to call it binary.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, trimPartial(bytes)));
  } catch {
    return undefined;
  }
  return /(?![\t\n\v\f\r])\p{Cc}/u.test(text) ? undefined : text;
}

/** The length without an incomplete UTF-8 sequence at the end. */
function trimPartial(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (back < needed) end -= back;
    }
    break;
  }
  return end;
}
