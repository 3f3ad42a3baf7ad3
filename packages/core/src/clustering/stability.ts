import { createRng, deriveSeed } from "../random";
import { computeAdjustedRandIndex } from "./adjusted-rand-index";
import { runKMeans } from "./run-kmeans";
import { gatherRows } from "./silhouette";

export type StabilityScore = {
  method: "adjusted-rand-index-of-subsamples";
  /** Subsamples re-clustered. */
  replicates: number;
  /** Rows per subsample. */
  sampleSize: number;
  /** Mean adjusted Rand index between each subsample's clustering and the full clustering on those rows (1 = identical). */
  mean: number;
  min: number;
};

/** Stream id that keeps stability draws apart from the restarts' streams. */
const STABILITY_STREAM = 0x5741;

/**
 * Stability of a clustering: re-cluster `replicates` seeded subsamples (80% of the rows, at most
 * `maxSampleSize`) with the same k and restarts, and measure their agreement with the full result
 * on the same rows by the adjusted Rand index. Returns null when a subsample would hold ≤ k rows.
 */
export function scoreStability(args: {
  data: Float64Array;
  dims: number;
  labels: Int32Array;
  k: number;
  restarts: number;
  seed: number;
  maxIterations: number;
  replicates?: number;
  maxSampleSize?: number;
}): StabilityScore | null {
  const { data, dims, k } = args;
  return scoreSubsampleStability({
    ...args,
    refit: (rows, seed) =>
      runKMeans({
        data: gatherRows(data, dims, rows),
        dims,
        k,
        restarts: args.restarts,
        seed,
        maxIterations: args.maxIterations,
      }).labels,
  });
}

/**
 * The subsample stability of any clustering method: `refit(rows, seed)` clusters the given rows (sorted
 * row numbers) afresh and returns their labels; each replicate's labels are compared with `labels` on
 * the same rows by the adjusted Rand index.
 */
export function scoreSubsampleStability(args: {
  labels: Int32Array;
  k: number;
  seed: number;
  replicates?: number;
  maxSampleSize?: number;
  refit: (rows: Int32Array, seed: number) => Int32Array;
}): StabilityScore | null {
  const { labels, k } = args;
  const n = labels.length;
  const replicates = args.replicates ?? 5;
  const sampleSize = Math.min(Math.floor(n * 0.8), args.maxSampleSize ?? 10_000);
  if (sampleSize <= k || k < 2 || replicates < 1) return null;
  const scores: number[] = [];
  for (let replicate = 0; replicate < replicates; replicate++) {
    const rows = createRng(deriveSeed(args.seed, STABILITY_STREAM, replicate))
      .sample(n, sampleSize)
      .sort();
    const refitted = args.refit(rows, deriveSeed(args.seed, STABILITY_STREAM, replicate, 1));
    const original = Int32Array.from(rows, (row) => labels[row]!);
    scores.push(computeAdjustedRandIndex(original, refitted));
  }
  return {
    method: "adjusted-rand-index-of-subsamples",
    replicates,
    sampleSize,
    mean: scores.reduce((s, x) => s + x, 0) / scores.length,
    min: Math.min(...scores),
  };
}
