/**
 * A small seeded pseudo-random generator (mulberry32 state stepping, 53-bit uniforms).
 * Not cryptographic: it exists so that clustering runs are reproducible from a seed.
 */
export type Rng = {
  /** Uniform in [0, 1) with 53 bits of resolution. */
  uniform(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T;
  /** `count` distinct indices drawn from [0, populationSize), in draw order. */
  sample(populationSize: number, count: number): Int32Array;
};

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** Mixes a 32-bit value (murmur3 finaliser); used to derive independent seeds. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Derives the seed of an independent stream (e.g. restart `r` of a run seeded `seed`), so that
 * streams do not depend on how many numbers other streams consumed — restarts can run in any order.
 */
export function deriveSeed(seed: number, ...streamIds: number[]): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  for (const id of streamIds) {
    h = mix32(h ^ mix32((id >>> 0) + 0x7f4a7c15));
  }
  return h;
}

/** Creates a generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createRng(seed: number): Rng {
  let state = mix32(seed >>> 0) | 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const uniform = (): number => {
    const high = next32() >>> 5; // 27 bits
    const low = next32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  };
  const int = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
      throw new RangeError(`int() needs a positive integer bound, got ${maxExclusive}`);
    }
    return maxExclusive <= TWO_POW_32
      ? Math.floor((next32() / TWO_POW_32) * maxExclusive)
      : Math.floor(uniform() * maxExclusive);
  };
  const shuffle = <T extends { length: number; [index: number]: unknown }>(items: T): T => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  };
  const sample = (populationSize: number, count: number): Int32Array => {
    if (count > populationSize || count < 0) {
      throw new RangeError(`cannot sample ${count} of ${populationSize}`);
    }
    const picked = new Int32Array(count);
    if (count * 4 > populationSize) {
      // Dense: partial Fisher–Yates over all indices.
      const all = new Int32Array(populationSize);
      for (let i = 0; i < populationSize; i++) all[i] = i;
      for (let i = 0; i < count; i++) {
        const j = i + int(populationSize - i);
        const swap = all[i]!;
        all[i] = all[j]!;
        all[j] = swap;
        picked[i] = all[i]!;
      }
      return picked;
    }
    // Sparse: rejection with a set keeps memory at O(count).
    const seen = new Set<number>();
    for (let i = 0; i < count;) {
      const candidate = int(populationSize);
      if (!seen.has(candidate)) {
        seen.add(candidate);
        picked[i++] = candidate;
      }
    }
    return picked;
  };
  return { uniform, int, shuffle, sample };
}
