/** mulberry32: a small, fast, seeded generator, so a failing run can be replayed with its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number): boolean => next() < p,
  };
}

export type Random = ReturnType<typeof seededRandom>;

/** The seed from COPYDESK_TEST_SEED when set (to replay a failure), else the given default. */
export function testSeed(fallback: number): number {
  const given = Number(process.env.COPYDESK_TEST_SEED);
  return Number.isInteger(given) && process.env.COPYDESK_TEST_SEED !== undefined ? given : fallback;
}
