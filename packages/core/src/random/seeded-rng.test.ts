import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "./seeded-rng";

describe("createRng", () => {
  it("repeats the same stream for the same seed and differs for another seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const streamA = Array.from({ length: 20 }, () => a.uniform());
    const streamB = Array.from({ length: 20 }, () => b.uniform());
    const streamC = Array.from({ length: 20 }, () => c.uniform());
    expect(streamA).toEqual(streamB);
    expect(streamA).not.toEqual(streamC);
  });

  it("draws uniforms in [0, 1) with a plausible mean", () => {
    const rng = createRng(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("draws integers inside the bound and rejects bad bounds", () => {
    const rng = createRng(1);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 5_000; i++) counts[rng.int(5)]!++;
    expect(counts.every((c) => c > 800)).toBe(true);
    expect(() => rng.int(0)).toThrow(RangeError);
  });

  it.each([
    [10, 10],
    [1000, 5],
    [1000, 900],
    [3, 0],
  ])("samples %i choose %i distinct indices", (population, count) => {
    const picked = createRng(3).sample(population, count);
    expect(picked.length).toBe(count);
    expect(new Set(picked).size).toBe(count);
    expect([...picked].every((i) => i >= 0 && i < population)).toBe(true);
  });

  it("shuffles into a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    createRng(5).shuffle(items);
    expect([...items].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(items).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe("deriveSeed", () => {
  it("gives distinct, stable seeds per stream", () => {
    expect(deriveSeed(0, 1)).toBe(deriveSeed(0, 1));
    expect(new Set([deriveSeed(0, 0), deriveSeed(0, 1), deriveSeed(1, 0), deriveSeed(0, 0, 1)]).size).toBe(4);
  });
});
