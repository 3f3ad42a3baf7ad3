import { createRng, deriveSeed } from "../random";
import { ClusteringInputError } from "./clustering-error";
import { seedKMeansPlusPlus } from "./kmeans-plus-plus";
import { runLloyd, type LloydResult } from "./lloyd-hamerly";

/** scikit-learn's default relative tolerance. */
export const DEFAULT_TOLERANCE = 1e-4;

export type KMeansFit = LloydResult & {
  k: number;
  /** Inertia of every restart, in run order. */
  restartInertias: number[];
  /** Index of the kept restart. */
  bestRestart: number;
};

/** Mean over features of the population variance: the unit scikit-learn scales its tolerance by. */
export function meanFeatureVariance(data: Float64Array, dims: number): number {
  const n = data.length / dims;
  if (n === 0) return 0;
  let total = 0;
  for (let d = 0; d < dims; d++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[i * dims + d]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const delta = data[i * dims + d]! - mean;
      squares += delta * delta;
    }
    total += squares / n;
  }
  return total / dims;
}

/**
 * The seed of restart `restart` for a given k: restarts are independent streams, so they can run in
 * any order (or in parallel) and still reproduce the same result.
 */
export function restartSeed(seed: number, k: number, restart: number): number {
  return deriveSeed(seed, k, restart);
}

/**
 * One k-means++ seeded Lloyd run (restart number `restart` of a seeded fit). Throws
 * ClusteringInputError when the data hold fewer than k distinct rows.
 */
export function runKMeansOnce(args: {
  data: Float64Array;
  dims: number;
  k: number;
  seed: number;
  restart: number;
  maxIterations: number;
  /** Absolute tolerance on the sum of squared centre shifts (transformed units²). */
  absoluteTolerance: number;
}): LloydResult {
  const { data, dims, k } = args;
  const n = data.length / dims;
  if (!Number.isInteger(k) || k < 1) throw new ClusteringInputError(`k must be a positive integer, got ${k}`);
  if (k > n) throw new ClusteringInputError(`k = ${k} exceeds the number of rows (${n})`);
  const initialCentroids = seedKMeansPlusPlus({
    data,
    dims,
    k,
    rng: createRng(restartSeed(args.seed, k, args.restart)),
  });
  if (!initialCentroids) throw new ClusteringInputError(`k = ${k} exceeds the number of distinct rows`);
  return runLloyd({
    data,
    dims,
    initialCentroids,
    maxIterations: args.maxIterations,
    tolerance: args.absoluteTolerance,
  });
}

type RunKMeansArgs = {
  data: Float64Array;
  dims: number;
  k: number;
  restarts: number;
  seed: number;
  maxIterations?: number;
  tolerance?: number;
};

/** The restarts of a fit one by one: yields after each restart, returns the kept fit. */
function* fitRestarts(args: RunKMeansArgs): Generator<void, KMeansFit, void> {
  const { data, dims, k, restarts, seed } = args;
  if (!Number.isInteger(restarts) || restarts < 1)
    throw new ClusteringInputError(`restarts must be ≥ 1, got ${restarts}`);
  const absoluteTolerance = (args.tolerance ?? DEFAULT_TOLERANCE) * meanFeatureVariance(data, dims);
  const maxIterations = args.maxIterations ?? 300;
  let best: LloydResult | undefined;
  let bestRestart = 0;
  const restartInertias: number[] = [];
  for (let restart = 0; restart < restarts; restart++) {
    const fit = runKMeansOnce({ data, dims, k, seed, restart, maxIterations, absoluteTolerance });
    restartInertias.push(fit.inertia);
    if (!best || fit.inertia < best.inertia) {
      best = fit;
      bestRestart = restart;
    }
    if (restart < restarts - 1) yield;
  }
  return { ...best!, k, restartInertias, bestRestart };
}

/**
 * k-means with `restarts` independent k-means++ starts, keeping the lowest inertia (the first on ties).
 * `data` is row-major in the space to cluster (already transformed). `tolerance` is relative, like
 * scikit-learn's: the run stops when the summed squared centre shift is ≤ tolerance × mean feature variance.
 */
export function runKMeans(args: RunKMeansArgs): KMeansFit {
  const restarts = fitRestarts(args);
  let step = restarts.next();
  while (!step.done) step = restarts.next();
  return step.value;
}

/**
 * `runKMeans` awaiting `pause()` between restarts, with the same result: a host serving requests on
 * one thread (the web server running a segment run) gets its turn every restart, not every fit.
 */
export async function runKMeansPaced(args: RunKMeansArgs & { pause: () => Promise<void> }): Promise<KMeansFit> {
  const restarts = fitRestarts(args);
  let step = restarts.next();
  while (!step.done) {
    await args.pause();
    step = restarts.next();
  }
  return step.value;
}
