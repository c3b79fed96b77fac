/** "1 product", "2 products", "0 products": a count with its noun, in every line a person reads. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
