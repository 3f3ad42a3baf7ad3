import fc from "fast-check";
import { kmeans } from "ml-kmeans";
import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { ClusteringInputError } from "./clustering-error";
import { seedKMeansPlusPlus } from "./kmeans-plus-plus";
import { computeInertia, runLloyd } from "./lloyd-hamerly";
import { runKMeans, runKMeansPaced } from "./run-kmeans";

/** Gaussian blobs around `centres`, row-major. */
function makeBlobs(n: number, centres: number[][], spread: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const dims = centres[0]!.length;
  const data = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    const centre = centres[rng.int(centres.length)]!;
    for (let d = 0; d < dims; d++) {
      const radius = Math.sqrt(-2 * Math.log(1 - rng.uniform()));
      data[i * dims + d] = centre[d]! + spread * radius * Math.cos(2 * Math.PI * rng.uniform());
    }
  }
  return data;
}

const nearestCentre = (
  data: Float64Array,
  dims: number,
  i: number,
  centroids: Float64Array,
): { index: number; distance: number } => {
  let index = 0;
  let distance = Number.POSITIVE_INFINITY;
  for (let j = 0; j < centroids.length / dims; j++) {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += (data[i * dims + d]! - centroids[j * dims + d]!) ** 2;
    if (sum < distance) {
      distance = sum;
      index = j;
    }
  }
  return { index, distance };
};

const blobsArbitrary = fc.record({
  n: fc.integer({ min: 20, max: 300 }),
  dims: fc.integer({ min: 1, max: 5 }),
  k: fc.integer({ min: 2, max: 6 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  spread: fc.double({ min: 0.1, max: 3, noNaN: true }),
});

describe("runKMeans", () => {
  const data = makeBlobs(
    2_000,
    [
      [0, 0, 0],
      [4, 0, 1],
      [0, 5, 2],
      [6, 6, 6],
    ],
    1,
    11,
  );

  it("gives identical results for the same seed", () => {
    const first = runKMeans({ data, dims: 3, k: 4, restarts: 5, seed: 3 });
    const second = runKMeans({ data, dims: 3, k: 4, restarts: 5, seed: 3 });
    expect(second.labels).toEqual(first.labels);
    expect(second.centroids).toEqual(first.centroids);
    expect(second.inertia).toBe(first.inertia);
    expect(second.restartInertias).toEqual(first.restartInertias);
  });

  it("gives the same fit when paced, pausing once between each pair of restarts", async () => {
    let pauses = 0;
    const paced = await runKMeansPaced({ data, dims: 3, k: 4, restarts: 5, seed: 3, pause: async () => void pauses++ });
    expect(paced).toEqual(runKMeans({ data, dims: 3, k: 4, restarts: 5, seed: 3 }));
    expect(pauses).toBe(4);
  });

  it("keeps the restart with the lowest inertia", () => {
    const fit = runKMeans({ data, dims: 3, k: 6, restarts: 8, seed: 1 });
    expect(fit.inertia).toBe(Math.min(...fit.restartInertias));
    expect(fit.restartInertias[fit.bestRestart]).toBe(fit.inertia);
  });

  it("rejects k > n and k above the number of distinct rows", () => {
    const small = Float64Array.from([1, 1, 2, 2, 3, 3]);
    expect(() => runKMeans({ data: small, dims: 2, k: 4, restarts: 1, seed: 0 })).toThrow(ClusteringInputError);
    const duplicates = Float64Array.from([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(() => runKMeans({ data: duplicates, dims: 2, k: 3, restarts: 1, seed: 0 })).toThrow(/distinct/);
    expect(runKMeans({ data: duplicates, dims: 2, k: 2, restarts: 3, seed: 0 }).inertia).toBe(0);
  });

  it("handles k = n: every row its own cluster, inertia 0", () => {
    const rows = Float64Array.from([0, 0, 1, 0, 0, 1, 5, 5]);
    const fit = runKMeans({ data: rows, dims: 2, k: 4, restarts: 2, seed: 9 });
    expect(new Set(fit.labels).size).toBe(4);
    expect(fit.inertia).toBe(0);
  });
});

describe("runLloyd", () => {
  it("never raises the inertia from one iteration to the next", () => {
    fc.assert(
      fc.property(blobsArbitrary, ({ n, dims, k, seed, spread }) => {
        const centres = Array.from({ length: k }, (_, j) =>
          Array.from({ length: dims }, (_, d) => ((j * 7 + d * 3) % 5) * 2),
        );
        const data = makeBlobs(n, centres, spread, seed);
        const initial = seedKMeansPlusPlus({ data, dims, k, rng: createRng(seed) });
        if (!initial) return;
        const inertias: number[] = [];
        runLloyd({
          data,
          dims,
          initialCentroids: initial,
          maxIterations: 100,
          tolerance: 0,
          onIteration: ({ centroids, labels }) => inertias.push(computeInertia(data, dims, labels, centroids)),
        });
        for (let t = 1; t < inertias.length; t++) {
          expect(inertias[t]!).toBeLessThanOrEqual(inertias[t - 1]! * (1 + 1e-12) + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("leaves every row with its nearest centre at convergence", () => {
    fc.assert(
      fc.property(blobsArbitrary, ({ n, dims, k, seed, spread }) => {
        const data = makeBlobs(
          n,
          Array.from({ length: k }, (_, j) => Array.from({ length: dims }, () => j * 1.5)),
          spread,
          seed,
        );
        const fit = runKMeans({ data, dims, k: Math.min(k, n), restarts: 2, seed, tolerance: 1e-4 });
        for (let i = 0; i < n; i++) {
          const own = nearestCentre(
            data,
            dims,
            i,
            fit.centroids.subarray(fit.labels[i]! * dims, (fit.labels[i]! + 1) * dims),
          ).distance;
          const best = nearestCentre(data, dims, i, fit.centroids).distance;
          expect(own).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("matches ml-kmeans from the same initial centres (plain Lloyd to a fixed point)", () => {
    for (const seed of [1, 2, 3]) {
      const dims = 3;
      const data = makeBlobs(
        400,
        [
          [0, 0, 0],
          [3, 1, 0],
          [0, 4, 1],
          [2, 2, 5],
        ],
        1.2,
        seed,
      );
      const initial = seedKMeansPlusPlus({ data, dims, k: 4, rng: createRng(seed) })!;
      const ours = runLloyd({ data, dims, initialCentroids: initial, maxIterations: 500, tolerance: 0 });
      const rows = Array.from({ length: 400 }, (_, i) => Array.from(data.subarray(i * dims, (i + 1) * dims)));
      const initialRows = Array.from({ length: 4 }, (_, j) => Array.from(initial.subarray(j * dims, (j + 1) * dims)));
      const theirs = kmeans(rows, 4, { initialization: initialRows, maxIterations: 500, tolerance: 0 });
      expect(Array.from(ours.labels)).toEqual(theirs.clusters);
      theirs.centroids.flat().forEach((value, at) => expect(ours.centroids[at]!).toBeCloseTo(value, 9));
    }
  });

  it("re-seeds an empty cluster with the farthest row instead of leaving it stale", () => {
    // Third centre is far from every row, so it starts empty.
    const data = Float64Array.from([0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10, 10, 10.1, 20, 0]);
    const fit = runLloyd({
      data,
      dims: 2,
      initialCentroids: Float64Array.from([0, 0, 10, 10, 1000, 1000]),
      maxIterations: 50,
      tolerance: 0,
    });
    const sizes = [0, 0, 0];
    fit.labels.forEach((label) => sizes[label]!++);
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(fit.centroids[4]).toBeLessThan(100);
  });
});
