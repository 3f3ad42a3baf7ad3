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
  const { data, dims, labels, k } = args;
  const n = labels.length;
  const replicates = args.replicates ?? 5;
  const sampleSize = Math.min(Math.floor(n * 0.8), args.maxSampleSize ?? 10_000);
  if (sampleSize <= k || k < 2 || replicates < 1) return null;
  const scores: number[] = [];
  for (let replicate = 0; replicate < replicates; replicate++) {
    const rows = createRng(deriveSeed(args.seed, STABILITY_STREAM, replicate))
      .sample(n, sampleSize)
      .sort();
    const fit = runKMeans({
      data: gatherRows(data, dims, rows),
      dims,
      k,
      restarts: args.restarts,
      seed: deriveSeed(args.seed, STABILITY_STREAM, replicate, 1),
      maxIterations: args.maxIterations,
    });
    const original = Int32Array.from(rows, (row) => labels[row]!);
    scores.push(computeAdjustedRandIndex(original, fit.labels));
  }
  return {
    method: "adjusted-rand-index-of-subsamples",
    replicates,
    sampleSize,
    mean: scores.reduce((s, x) => s + x, 0) / scores.length,
    min: Math.min(...scores),
  };
}
