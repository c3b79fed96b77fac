/** An image that cannot be used, as a sentence that names it: a tool returns it as an isError result. */
export class ImageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ImageError";
  }
}

/** 5 MB, "5.5 MB", "812 KB": MiB and KiB, as file managers and upload forms count. */
export function describeSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A source as it appears in a message: a data: URL is not quoted, anything long is shortened. */
export function describeSource(source: string): string {
  if (/^data:/i.test(source)) return "the data: URL";
  const shown = source.length > 200 ? `${source.slice(0, 199)}…` : source;
  return `"${shown}"`;
}
