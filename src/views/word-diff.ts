/** A run of text on one side of a comparison: kept on both sides, only in the old text, or only in the new. */
export interface DiffPart {
  readonly type: "same" | "removed" | "added";
  readonly text: string;
}

/** Past this many word pairs the middle of two texts is shown as replaced whole (bounds time and memory). */
const MAX_CELLS = 2_000_000;

/** Words with the white space after them; white space before the first word stays with it. */
function tokens(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

const word = (token: string) => token.trim();

/** Both sides of a comparison: the old text as "same" and "removed" parts, the new as "same" and "added". */
export interface WordDiff {
  readonly before: DiffPart[];
  readonly after: DiffPart[];
}

/**
 * What changed from `before` to `after`, word by word (a longest common subsequence of words; white space
 * is kept on each side but never counts as a change). Each side's parts, joined, give its text back.
 */
export function diffWords(before: string, after: string): WordDiff {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && word(a[start] as string) === word(b[start] as string))
    start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && word(a[endA - 1] as string) === word(b[endB - 1] as string)) {
    endA--;
    endB--;
  }
  const old: DiffPart[] = [];
  const now: DiffPart[] = [];
  const put = (parts: DiffPart[], type: DiffPart["type"], text: string) => {
    const last = parts.at(-1);
    if (last?.type === type) parts[parts.length - 1] = { type, text: last.text + text };
    else if (text !== "") parts.push({ type, text });
  };
  const same = (x: string, y: string) => {
    put(old, "same", x);
    put(now, "same", y);
  };
  const removed = (x: string) => put(old, "removed", x);
  const added = (y: string) => put(now, "added", y);
  for (let i = 0; i < start; i++) same(a[i] as string, b[i] as string);
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) removed(a[i] as string);
    for (let j = start; j < endB; j++) added(b[j] as string);
  } else {
    // lengths[i][j]: the longest common run of words of a[start+i..] and b[start+j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] =
          word(a[start + i] as string) === word(b[start + j] as string)
            ? (lengths[(i + 1) * width + j + 1] as number) + 1
            : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const x = a[start + i] as string;
      const y = b[start + j] as string;
      if (word(x) === word(y)) {
        same(x, y);
        i++;
        j++;
      } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
        removed(x);
        i++;
      } else {
        added(y);
        j++;
      }
    }
    for (; i < n; i++) removed(a[start + i] as string);
    for (; j < m; j++) added(b[start + j] as string);
  }
  for (let k = 0; endA + k < a.length; k++) same(a[endA + k] as string, b[endB + k] as string);
  return { before: old, after: now };
}
