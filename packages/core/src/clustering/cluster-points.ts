import { createRng, deriveSeed } from "../random";
import { ClusteringInputError } from "./clustering-error";
import { profileClusters, type ClusterProfile } from "./cluster-profile";
import type { ClusterLabel } from "./business-label";
import { fitTransform, inverseTransform, type FittedTransform } from "./feature-transform";
import { driveFits, driveFitsWith, fitStep, pauseStep, type FitSteps, type KMeansRequest } from "./drive-fits";
import type { KMeansFit } from "./run-kmeans";
import type { ClusteringSettings, KChoice } from "./settings";
import { chooseSampleRows, computeSilhouette, gatherRows } from "./silhouette";
import { scoreStability, type StabilityScore } from "./stability";

/** One candidate k of the selection: the elbow (inertia) and the silhouette side by side. */
export type KCandidate = { k: number; inertia: number; silhouette: number | null };

export type ClusteringResult = {
  features: string[];
  k: number;
  /** Sum of squared distances to the centroids in the transformed space (scikit-learn's definition). */
  inertia: number;
  /** Mean silhouette on `silhouetteSampleSize` rows (all rows when n ≤ the setting); null for k = 1 or k = n. */
  silhouette: number | null;
  silhouetteSampleSize: number;
  /** Cluster of each input row, 0..k−1; clusters are numbered by size, largest first. */
  labels: Int32Array;
  /** Business name of each cluster (same as `profiles[j].label`). */
  clusterLabels: ClusterLabel[];
  /** k rows of feature values in the transformed space. */
  centroids: number[][];
  /** The same centroids in raw units (inverse transform; for log features, expm1 of the mean of log1p). */
  centroidsRaw: number[][];
  sizes: number[];
  /** Every k tried, in increasing order (one entry when k is fixed); inertia and silhouette of the fit on the selection sample. */
  selection: KCandidate[];
  /** Rows each candidate k was fitted on: all rows, or a seeded sample of `settings.selectionSampleSize` when k is a range and there are more rows. */
  selectionSampleSize: number;
  /** Lloyd iterations of the kept restart. */
  iterations: number;
  isConverged: boolean;
  seed: number;
  restarts: number;
  profiles: ClusterProfile[];
  stability: StabilityScore | null;
  transform: FittedTransform;
};

/** Stream ids for the silhouette and selection samples, apart from the restarts' streams. */
const SILHOUETTE_STREAM = 0x5117;
const SELECTION_STREAM = 0x5e1e;

/** Accepts rows as arrays or as a row-major Float64Array; checks every value is a finite number. */
function toRowMajor(rows: Float64Array | readonly (readonly number[])[], features: readonly string[]): Float64Array {
  const dims = features.length;
  const data = rows instanceof Float64Array ? rows : new Float64Array(rows.length * dims);
  if (!(rows instanceof Float64Array)) {
    rows.forEach((row, i) => {
      if (row.length !== dims)
        throw new ClusteringInputError(
          `row ${i + 1} has ${row.length} values, expected ${dims} (${features.join(", ")})`,
        );
      for (let f = 0; f < dims; f++) data[i * dims + f] = row[f]!;
    });
  } else if (data.length % dims !== 0) {
    throw new ClusteringInputError(`data length ${data.length} is not a multiple of ${dims} features`);
  }
  for (let at = 0; at < data.length; at++) {
    if (!Number.isFinite(data[at])) {
      throw new ClusteringInputError(
        `row ${Math.floor(at / dims) + 1}, feature "${features[at % dims]}": not a finite number`,
      );
    }
  }
  return data;
}

/** The k values to try: the fixed k (must be ≤ n), or the range clamped to n − 1 (silhouette needs k < n). */
export function candidateKs(k: KChoice, n: number): number[] {
  if (typeof k === "number") {
    if (k > n) throw new ClusteringInputError(`k = ${k} exceeds the number of rows (${n})`);
    return [k];
  }
  const max = Math.min(k.max, n - 1);
  if (k.min > max) throw new ClusteringInputError(`k range ${k.min}..${k.max} needs more than ${n} rows`);
  return Array.from({ length: max - k.min + 1 }, (_, i) => k.min + i);
}

/**
 * How many k-means restarts `stepClusterPoints` requests for `n` rows: `settings.restarts` for each candidate k
 * (fitted on the selection sample when k is a range), plus one more fit on all rows when that sample is smaller than
 * the data. 0 when no k fits the rows. Progress reports count restarts against this total.
 */
export function plannedKMeansRestarts(
  n: number,
  settings: Pick<ClusteringSettings, "k" | "restarts" | "selectionSampleSize">,
): number {
  const isFixedK = typeof settings.k === "number";
  const m = isFixedK ? n : Math.min(n, settings.selectionSampleSize);
  try {
    const fits = candidateKs(settings.k, m).length + (!isFixedK && m < n ? 1 : 0);
    return fits * settings.restarts;
  } catch (error) {
    if (error instanceof ClusteringInputError) return 0;
    throw error;
  }
}

/** Renumbers clusters by size (largest first; ties by centroid coordinates) so output reads the same every run. */
function renumberBySize(
  fit: KMeansFit,
  dims: number,
): { labels: Int32Array; centroids: Float64Array; sizes: number[] } {
  const { k } = fit;
  const sizes = new Array<number>(k).fill(0);
  for (const label of fit.labels) sizes[label]!++;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => {
    if (sizes[b] !== sizes[a]) return sizes[b]! - sizes[a]!;
    for (let d = 0; d < dims; d++) {
      const delta = fit.centroids[a * dims + d]! - fit.centroids[b * dims + d]!;
      if (delta !== 0) return delta;
    }
    return a - b;
  });
  const newNumber = new Int32Array(k);
  order.forEach((old, j) => (newNumber[old] = j));
  const centroids = new Float64Array(k * dims);
  order.forEach((old, j) => centroids.set(fit.centroids.subarray(old * dims, (old + 1) * dims), j * dims));
  return { labels: fit.labels.map((label) => newNumber[label]!), centroids, sizes: order.map((old) => sizes[old]!) };
}

const toRows = (flat: Float64Array, dims: number): number[][] =>
  Array.from({ length: flat.length / dims }, (_, i) => Array.from(flat.subarray(i * dims, (i + 1) * dims)));

/** Arguments of `clusterPoints`. */
export type ClusterPointsArgs = {
  rows: Float64Array | readonly (readonly number[])[];
  features?: readonly string[];
  settings: ClusteringSettings;
  weights?: ArrayLike<number>;
  /** Subsamples re-clustered for the stability score (0 skips it). Default 5. */
  stabilityReplicates?: number;
};

export type { KMeansRequest } from "./drive-fits";

/**
 * Benefit segmentation: transforms the rows (log1p, then scaling, per the settings), runs k-means
 * with `settings.restarts` seeded k-means++ restarts for each candidate k, picks k by the highest
 * silhouette (the smaller k on ties), then profiles, names and scores the stability of the clusters.
 *
 * `rows` are in raw units (rate in annual %, amount in CNY, term in months for loans), one value per
 * name in `features` (default `settings.features`). `weights` (e.g. loan balance, any unit) give each
 * cluster's share of balance. Same input and settings (seed) → identical result.
 * Throws ClusteringInputError for no rows, k > n, fewer distinct rows than k, or values a log cannot take.
 */
export function clusterPoints(args: ClusterPointsArgs): ClusteringResult {
  return driveFits(stepClusterPoints(args));
}

/**
 * `clusterPoints` with the k-means fits delegated to `fitKMeans` (for example a pool of worker threads
 * running the restarts in parallel); see `driveFitsWith`.
 */
export function clusterPointsWith(
  args: ClusterPointsArgs & { fitKMeans: (request: KMeansRequest) => Promise<KMeansFit> },
): Promise<ClusteringResult> {
  return driveFitsWith(stepClusterPoints(args), args.fitKMeans);
}

/** The clustering as steps: yields each k-means fit it needs and receives the fit back. */
export function* stepClusterPoints(args: ClusterPointsArgs): FitSteps<ClusteringResult> {
  const { settings } = args;
  const features = [...(args.features ?? settings.features)];
  const dims = features.length;
  if (dims === 0) throw new ClusteringInputError("no features to cluster on");
  const unknownLog = settings.log.filter((f) => !features.includes(f));
  if (unknownLog.length > 0)
    throw new ClusteringInputError(`log transform asked for unknown feature(s): ${unknownLog.join(", ")}`);
  const raw = toRowMajor(args.rows, features);
  const n = raw.length / dims;
  if (n === 0) throw new ClusteringInputError("no rows to cluster");
  if (args.weights && args.weights.length !== n)
    throw new ClusteringInputError(`${args.weights.length} weights for ${n} rows`);

  const { transform, transformed } = fitTransform({ data: raw, features, log: settings.log, scale: settings.scale });
  const isFixedK = typeof settings.k === "number";
  // A range of k is chosen on a sample (all rows when there are few enough); a fixed k is fitted on all rows at once.
  const selectionRows = isFixedK
    ? null
    : chooseSampleRows(n, settings.selectionSampleSize, createRng(deriveSeed(settings.seed, SELECTION_STREAM)));
  const isSampled = selectionRows !== null && selectionRows.length < n;
  const selectionData = isSampled ? gatherRows(transformed, dims, selectionRows) : transformed;
  const m = selectionData.length / dims;
  // Silhouette rows index the selection data; `toFullRow` maps them back to rows of the input.
  const silhouetteRows = chooseSampleRows(
    m,
    settings.silhouetteSampleSize,
    createRng(deriveSeed(settings.seed, SILHOUETTE_STREAM)),
  );
  const silhouetteData = gatherRows(selectionData, dims, silhouetteRows);
  const toFullRow = (row: number) => (isSampled ? selectionRows[row]! : row);
  const fitRequest = (data: Float64Array, k: number): KMeansRequest => ({
    data,
    dims,
    k,
    restarts: settings.restarts,
    seed: settings.seed,
    maxIterations: settings.maxIterations,
  });
  const scoreSilhouette = (labelOf: (row: number) => number, k: number) =>
    computeSilhouette({ data: silhouetteData, dims, labels: Int32Array.from(silhouetteRows, labelOf), k });

  const selection: KCandidate[] = [];
  let chosen: { fit: KMeansFit; silhouette: number | null } | undefined;
  for (const k of candidateKs(settings.k, m)) {
    let fit: KMeansFit;
    try {
      fit = yield* fitStep(fitRequest(selectionData, k));
    } catch (error) {
      if (error instanceof ClusteringInputError && !isFixedK) continue; // fewer distinct rows than this k
      throw error;
    }
    const silhouette = scoreSilhouette((row) => fit.labels[row]!, k);
    selection.push({ k, inertia: fit.inertia, silhouette });
    if (!chosen || (silhouette ?? -Infinity) > (chosen.silhouette ?? -Infinity)) chosen = { fit, silhouette };
  }
  if (!chosen) throw new ClusteringInputError("the rows hold fewer distinct points than any k in the range");
  if (isSampled) {
    const full = yield* fitStep(fitRequest(transformed, chosen.fit.k));
    chosen = { fit: full, silhouette: scoreSilhouette((row) => full.labels[toFullRow(row)]!, full.k) };
  }

  const { fit, silhouette } = chosen;
  const { labels, centroids, sizes } = renumberBySize(fit, dims);
  const centroidsRaw = inverseTransform(transform, centroids);
  const profiles = profileClusters({ raw, features, labels, k: fit.k, centroidsRaw, weights: args.weights });
  yield* pauseStep();
  const replicates = args.stabilityReplicates ?? 5;
  const stability =
    replicates > 0
      ? scoreStability({
          data: transformed,
          dims,
          labels,
          k: fit.k,
          restarts: settings.restarts,
          seed: settings.seed,
          maxIterations: settings.maxIterations,
          replicates,
        })
      : null;
  return {
    features,
    k: fit.k,
    inertia: fit.inertia,
    silhouette,
    silhouetteSampleSize: silhouetteRows.length,
    labels,
    clusterLabels: profiles.map((p) => p.label),
    centroids: toRows(centroids, dims),
    centroidsRaw: toRows(centroidsRaw, dims),
    sizes,
    selection,
    selectionSampleSize: m,
    iterations: fit.iterations,
    isConverged: fit.isConverged,
    seed: settings.seed,
    restarts: settings.restarts,
    profiles,
    stability,
    transform,
  };
}
