import { describe, expect, it } from "vitest";
import { fitTransform } from "./feature-transform";
import { matchClustersByCentroid } from "./match-clusters";

describe("matchClustersByCentroid", () => {
  const previous = [
    [6, 300_000, 6],
    [4.5, 3_000_000, 12],
    [3.2, 100_000_000, 120],
  ];

  it("recovers a renumbering of slightly moved centroids", () => {
    const next = [previous[2]!, previous[0]!, previous[1]!].map((c) => c.map((x) => x * 1.01));
    const matches = matchClustersByCentroid(previous, next);
    expect(matches.map((m) => [m.previous, m.next])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
  });

  it("finds the optimal assignment where greedy nearest-first would not", () => {
    // Greedy takes (0 → 0, distance 1) and then pays 10 for (1 → 1); optimal pays 2 + 2.
    const matches = matchClustersByCentroid([[0], [2]], [[1], [12]]);
    expect(matches.map((m) => [m.previous, m.next])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const swapped = matchClustersByCentroid([[0], [1.5]], [[1.4], [-0.5]]);
    expect(swapped.map((m) => [m.previous, m.next])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("leaves surplus clusters unmatched when the counts differ", () => {
    const grown = matchClustersByCentroid(previous.slice(0, 2), previous);
    expect(grown).toContainEqual({ previous: null, next: 2, distance: null });
    const shrunk = matchClustersByCentroid(previous, previous.slice(1));
    expect(shrunk).toContainEqual({ previous: 0, next: null, distance: null });
    expect(shrunk.filter((m) => m.next !== null).map((m) => [m.previous, m.next])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("measures distance in the transformed space when a transform is given", () => {
    const { transform } = fitTransform({
      data: Float64Array.from(previous.flat()),
      features: ["rate", "amount", "term_months"],
      log: ["amount"],
      scale: "zscore",
    });
    // In raw units the amount dominates; scaled, the rate and term decide.
    const next = [
      [3.2, 300_000, 120],
      [6, 100_000_000, 6],
    ];
    const raw = matchClustersByCentroid([previous[0]!, previous[2]!], next);
    const scaled = matchClustersByCentroid([previous[0]!, previous[2]!], next, transform);
    expect(raw.map((m) => m.next)).toEqual([0, 1]);
    expect(scaled.map((m) => m.next)).toEqual([1, 0]);
  });
});
