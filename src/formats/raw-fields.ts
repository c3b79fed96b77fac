/**
 * A record's text split into its cells' exact texts (line ending excluded), so that a row can get new copy in
 * some cells while every other cell keeps its bytes. Undefined for anything but plain RFC 4180 quoting (a quote
 * inside an unquoted cell, text after a closing quote): the caller then rewrites the whole row.
 */
export function splitRawRecord(text: string, delimiter = ","): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    const start = at;
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) return undefined;
        if (text[quote + 1] === '"') {
          at = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      if (at !== text.length && text[at] !== delimiter) return undefined;
    } else {
      const next = text.indexOf(delimiter, at);
      at = next === -1 ? text.length : next;
      if (text.slice(start, at).includes('"')) return undefined;
    }
    cells.push(text.slice(start, at));
    if (at === text.length) return cells;
    at++; // past the delimiter
  }
}

/** A record's text without its line ending, and the line ending. */
export function splitLineEnding(raw: string): [text: string, ending: string] {
  if (raw.endsWith("\r\n")) return [raw.slice(0, -2), "\r\n"];
  if (raw.endsWith("\n") || raw.endsWith("\r")) return [raw.slice(0, -1), raw.slice(-1)];
  return [raw, ""];
}

/** A cell as CSV text, quoted only when it must be (as csv-stringify does by default). */
export function quoteCell(value: string, delimiter = ","): string {
  return value.includes('"') || value.includes(delimiter) || value.includes("\n") || value.includes("\r")
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** A cell's value from its exact text (the inverse of quoteCell). */
export function unquoteCell(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2
    ? text.slice(1, -1).replaceAll('""', '"')
    : text;
}
