import { describe, expect, it } from "vitest";
import { renderClusterLabel } from "./business-label";
import { createRng } from "../random";
import { clusterPoints, clusterPointsWith, plannedKMeansRestarts } from "./cluster-points";
import { runKMeans } from "./run-kmeans";
import { ClusteringInputError } from "./clustering-error";
import { clusteringSettingsSchema } from "./settings";

/** Three clear loan bundles: small/short/high-rate, mid-size/1-year/mid-rate, large/long/low-rate (rate %, amount CNY, months). */
function makeLoans(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const bundles = [
    { rate: 6, amount: 300_000, term: 6 },
    { rate: 4.5, amount: 3_000_000, term: 12 },
    { rate: 3.2, amount: 100_000_000, term: 120 },
  ];
  return Array.from({ length: n }, (_, i) => {
    const bundle = bundles[i % 3]!;
    return [
      bundle.rate + (rng.uniform() - 0.5) * 0.4,
      Math.round(bundle.amount * (0.7 + rng.uniform() * 0.6)),
      bundle.term,
    ];
  });
}

const settings = (overrides: Record<string, unknown> = {}) =>
  clusteringSettingsSchema.parse({ restarts: 4, ...overrides });

describe("clusterPoints", () => {
  const rows = makeLoans(600, 5);

  it("gives identical results for identical input and seed", () => {
    const first = clusterPoints({ rows, settings: settings({ k: { min: 2, max: 5 }, seed: 7 }) });
    const second = clusterPoints({ rows, settings: settings({ k: { min: 2, max: 5 }, seed: 7 }) });
    expect(second).toEqual(first);
  });

  it("chooses k by silhouette, reports the elbow for every k, and names the bundles", () => {
    const result = clusterPoints({
      rows,
      settings: settings({ k: { min: 2, max: 6 } }),
      weights: rows.map((r) => r[1]!),
    });
    expect(result.k).toBe(3);
    expect(result.selection.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const best = result.selection.find((c) => c.k === 3)!;
    expect(result.selection.every((c) => (c.silhouette ?? -1) <= best.silhouette!)).toBe(true);
    expect(result.selection[0]!.inertia).toBeGreaterThan(result.selection[4]!.inertia);
    expect(result.sizes).toEqual([200, 200, 200]);
    expect(result.clusterLabels.map((l) => renderClusterLabel(l, "zh-CN")).sort()).toEqual(
      ["中额·中期·中利率", "大额·长期·低利率", "小额·短期·高利率"].sort(),
    );
    expect(result.clusterLabels.map((l) => renderClusterLabel(l, "en"))).toContain("small · short · high-rate");
    const large = result.profiles.find((p) => renderClusterLabel(p.label, "en") === "large · long · low-rate")!;
    expect(large.shareOfRows).toBeCloseTo(1 / 3, 12);
    expect(large.shareOfWeight!).toBeGreaterThan(0.9);
    expect(large.features.term_months).toMatchObject({ mean: 120, median: 120, min: 120, max: 120, level: "high" });
    expect(result.stability!.mean).toBeCloseTo(1, 6);
    expect(result.silhouetteSampleSize).toBe(600);
  });

  it("states the silhouette sample size when the data exceed it", () => {
    const result = clusterPoints({
      rows: makeLoans(900, 1),
      settings: settings({ k: 3, silhouetteSampleSize: 300 }),
      stabilityReplicates: 0,
    });
    expect(result.silhouetteSampleSize).toBe(300);
    expect(result.silhouette!).toBeGreaterThan(0.5);
    expect(result.stability).toBeNull();
  });

  it("chooses k on a seeded sample above selectionSampleSize, then fits that k on every row", () => {
    const many = makeLoans(4_500, 11);
    const sampled = clusterPoints({
      rows: many,
      settings: settings({ k: { min: 2, max: 5 }, selectionSampleSize: 1_000 }),
      stabilityReplicates: 0,
    });
    expect(sampled.selectionSampleSize).toBe(1_000);
    expect(sampled.k).toBe(3);
    expect(sampled.labels).toHaveLength(4_500);
    expect(sampled.sizes).toEqual([1_500, 1_500, 1_500]);
    expect(sampled.selection.map((c) => c.k)).toEqual([2, 3, 4, 5]);
    // The kept fit is the one on all rows: the same as fitting k = 3 on all rows directly.
    const direct = clusterPoints({ rows: many, settings: settings({ k: 3 }), stabilityReplicates: 0 });
    expect(sampled.inertia).toBe(direct.inertia);
    expect(sampled.labels).toEqual(direct.labels);
    expect(
      clusterPoints({
        rows: many,
        settings: settings({ k: { min: 2, max: 5 }, selectionSampleSize: 1_000 }),
        stabilityReplicates: 0,
      }),
    ).toEqual(sampled);
  });

  it("leaves results unchanged when the rows fit within selectionSampleSize", () => {
    const within = clusterPoints({
      rows,
      settings: settings({ k: { min: 2, max: 4 }, selectionSampleSize: 1_000 }),
      stabilityReplicates: 0,
    });
    const larger = clusterPoints({
      rows,
      settings: settings({ k: { min: 2, max: 4 }, selectionSampleSize: 600 }),
      stabilityReplicates: 0,
    });
    expect(within.selectionSampleSize).toBe(600);
    expect(larger).toEqual(within);
  });

  it("numbers clusters by size and keeps labels, sizes and profiles consistent", () => {
    const uneven = [
      ...makeLoans(300, 2).slice(0, 250),
      ...makeLoans(300, 3)
        .filter((_, i) => i % 3 === 2)
        .slice(0, 20),
    ];
    const result = clusterPoints({ rows: uneven, settings: settings({ k: 3 }) });
    expect([...result.sizes]).toEqual([...result.sizes].sort((a, b) => b - a));
    result.sizes.forEach((size, j) => {
      expect(result.labels.filter((label) => label === j).length).toBe(size);
      expect(result.profiles[j]!.size).toBe(size);
    });
  });

  it("rejects k > n and no rows; clamps a k range to the rows available", () => {
    const three = [
      [1, 100, 1],
      [2, 200, 2],
      [3, 300, 3],
    ];
    expect(() => clusterPoints({ rows: three, settings: settings({ k: 4 }) })).toThrow(ClusteringInputError);
    expect(() => clusterPoints({ rows: [], settings: settings({ k: 2 }) })).toThrow(/no rows/);
    const clamped = clusterPoints({ rows: three, settings: settings({ k: { min: 2, max: 8 } }) });
    expect(clamped.selection.map((c) => c.k)).toEqual([2]);
    expect(() => clusterPoints({ rows: three.slice(0, 2), settings: settings({ k: { min: 2, max: 8 } }) })).toThrow(
      /needs more than 2 rows/,
    );
  });

  it("handles duplicate rows and constant features", () => {
    const duplicates = [
      ...Array.from({ length: 10 }, () => [4, 1000, 12]),
      ...Array.from({ length: 10 }, () => [6, 5000, 12]),
    ];
    const result = clusterPoints({ rows: duplicates, settings: settings({ k: { min: 2, max: 4 } }) });
    expect(result.k).toBe(2);
    expect(result.inertia).toBe(0);
    expect(result.selection.map((c) => c.k)).toEqual([2]); // 3 and 4 exceed the 2 distinct rows
    expect(() => clusterPoints({ rows: duplicates, settings: settings({ k: 3 }) })).toThrow(/distinct/);
  });

  it("rejects non-finite values and ragged rows, naming the row", () => {
    expect(() =>
      clusterPoints({
        rows: [
          [1, 2, 3],
          [1, Number.NaN, 3],
        ],
        settings: settings({ k: 1 }),
      }),
    ).toThrow('row 2, feature "amount"');
    expect(() =>
      clusterPoints({
        rows: [
          [1, 2, 3],
          [1, 2],
        ],
        settings: settings({ k: 1 }),
      }),
    ).toThrow(/row 2 has 2 values/);
  });

  it("gives the same result with the k-means fits delegated (as a worker pool does)", async () => {
    const options = { rows, settings: settings({ k: { min: 2, max: 4 }, seed: 3 }) };
    const requested: number[] = [];
    const delegated = await clusterPointsWith({
      ...options,
      fitKMeans: async (request) => {
        requested.push(request.k);
        return runKMeans(request);
      },
    });
    expect(requested).toEqual([2, 3, 4]);
    expect(delegated).toEqual(clusterPoints(options));
  });

  it.each([
    ["a range of k on all rows", { k: { min: 2, max: 4 }, restarts: 3 }],
    [
      "a range of k on a sample, then the chosen k on all rows",
      { k: { min: 2, max: 4 }, restarts: 2, selectionSampleSize: 200 },
    ],
    ["a fixed k", { k: 3, restarts: 4 }],
  ])("plans exactly the restarts it requests: %s", async (_name, overrides) => {
    const options = { rows, settings: settings({ seed: 3, ...overrides }) };
    let requested = 0;
    await clusterPointsWith({
      ...options,
      fitKMeans: async (request) => {
        requested += request.restarts;
        return runKMeans(request);
      },
    });
    expect(plannedKMeansRestarts(rows.length, options.settings)).toBe(requested);
  });

  it("names unknown features generically", () => {
    const result = clusterPoints({
      rows: makeLoans(90, 4).map((r) => [r[0]!, r[2]!]),
      features: ["rate", "revenue"],
      settings: settings({ k: 3, log: [] }),
    });
    expect(result.clusterLabels.map((l) => renderClusterLabel(l, "en"))).toContain("low-rate · high revenue");
    expect(result.clusterLabels.map((l) => renderClusterLabel(l, "zh-CN"))).toContain("低利率·revenue高");
  });
});
