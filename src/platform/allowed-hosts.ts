import { isIP } from "node:net";

/** Names a local client uses; accepted in Host and Origin whatever the configuration. */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The host name of a Host header value or an allow-list entry, lower-cased, without port, IPv6 in
 * brackets (the form `URL` gives); undefined when it is not a host at all.
 */
export function hostnameOf(hostAndPort: string): string | undefined {
  const text = hostAndPort.trim();
  // A bare IPv6 address ("::1") has colons a URL would read as a port separator.
  const bracketed = isIP(text) === 6 ? `[${text}]` : text;
  if (bracketed === "" || /[/?#@\s]/.test(bracketed)) return undefined;
  try {
    return new URL(`http://${bracketed}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether binding here keeps the server reachable from this machine only. */
export function isLoopbackAddress(host: string): boolean {
  const name = hostnameOf(host);
  if (name === undefined) return false;
  if (name === "localhost" || name === "[::1]") return true;
  return isIP(name) === 4 && name.startsWith("127.");
}

/** 0.0.0.0 and :: listen on every interface, so no single name follows from them. */
export function isWildcardAddress(host: string): boolean {
  const name = hostnameOf(host);
  return name === "0.0.0.0" || name === "[::]";
}

/**
 * Host names a request may name in Host and Origin: loopback, the bound address, and what the user
 * added. A web page that rebinds its own domain to 127.0.0.1 still sends its domain, so it is refused.
 */
export function allowedHostnames(bindHost: string, extra: readonly string[]): ReadonlySet<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (!isWildcardAddress(bindHost)) {
    const bound = hostnameOf(bindHost);
    if (bound) names.add(bound);
  }
  for (const name of extra) {
    const normalized = hostnameOf(name);
    if (normalized) names.add(normalized);
  }
  return names;
}
