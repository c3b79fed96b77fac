const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Runs of spaces, tabs and no-break spaces, each to become one space. A lone space is left out: replacing
 * it with itself cost a match for every word of every description.
 */
const SPACES = /(?: [ \t\u00a0]|[\t\u00a0])[ \t\u00a0]*/g;
/** A line break with spaces before or any white space after (more breaks too), to become one line break. */
const BREAKS = / +\n\s*|\n\s+/g;

/** Store HTML as plain text for a brief: tags dropped (blocks become line breaks), entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(SPACES, " ")
    .replace(BREAKS, "\n")
    .trim();
}

/** A list cell ("a, b, c") as its items. */
export function splitList(cell: string, separators = /,/): string[] {
  return cell
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
