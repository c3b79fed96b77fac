// STAND-IN until the checks branch lands.
const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export function textToHtml(description: string, bullets: readonly string[] = []): string {
  const paragraphs = description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const html = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  return bullets.length ? `${html}<ul>${bullets.map((b) => `<li>${escape(b)}</li>`).join("")}</ul>` : html;
}
export function sanitizeHtml(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(\/?)(p|ul|li|strong|em)\b[^>]*>/gi, "\u0000$1$2\u0001")
    .replace(/<[^>]*>/g, "")
    .replace(/\u0000(\/?)(\w+)\u0001/g, (_m, s: string, t: string) => `<${s}${t.toLowerCase()}>`);
}
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|li|ul)>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
