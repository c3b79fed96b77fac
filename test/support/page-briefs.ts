/**
 * The briefs of a write_catalog / resume_job page, from its text (where they travel, once): each
 * product's request, as the calling model reads it under `--- Product ID: title ---`.
 */
export function briefsOf(text: string): Map<string, string> {
  const briefs = new Map<string, string>();
  const parts = text.split(/^--- Product (\S+): .* ---$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    briefs.set(String(parts[i]), String(parts[i + 1]).trim());
  }
  return briefs;
}
