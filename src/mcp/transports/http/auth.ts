import { createHash, timingSafeEqual } from "node:crypto";

export type AuthResult = "ok" | "missing" | "invalid";

/**
 * Checks `Authorization: Bearer <token>` in time independent of where the strings differ: both sides
 * are hashed first, so even their lengths do not leak through timing.
 */
export function bearerChecker(token: string): (authorization: string | undefined) => AuthResult {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? "");
    if (!match?.[1]) return authorization ? "invalid" : "missing";
    return timingSafeEqual(digest(match[1]), expected) ? "ok" : "invalid";
  };
}

/** RFC 6750 challenge: error="invalid_token" only when a token was sent. */
export function bearerChallenge(result: Exclude<AuthResult, "ok">): string {
  return result === "invalid" ? 'Bearer realm="copydesk", error="invalid_token"' : 'Bearer realm="copydesk"';
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
