/**
 * The first lines where a committed generated file and a fresh rendering differ, so a stale file fails
 * with a short readable message instead of two 100 KB strings.
 */
export function differingLines(committed: string, fresh: string, most = 5): string[] {
  const before = committed.split("\n");
  const after = fresh.split("\n");
  const lines: string[] = [];
  for (let index = 0; index < Math.max(before.length, after.length) && lines.length < most; index += 1) {
    if (before[index] === after[index]) continue;
    lines.push(
      `line ${index + 1}: committed ${JSON.stringify(before[index])}, live ${JSON.stringify(after[index])}`,
    );
  }
  return lines;
}
