export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Appends an API path to a base URL, keeping the base's own path and query (e.g. an api-version). */
export function apiUrl(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  return url;
}

/** Maps a provider's stop reason to MCP sampling's names; unknown reasons pass through unchanged. */
export function mapStopReason(reason: unknown, names: Readonly<Record<string, string>>): string | null {
  if (typeof reason !== "string" || reason === "") return null;
  return Object.hasOwn(names, reason) ? (names[reason] as string) : reason;
}
