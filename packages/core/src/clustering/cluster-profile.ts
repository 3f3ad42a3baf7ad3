import {
  buildClusterLabel,
  classifyLevel,
  disambiguateLabels,
  type ClusterLabel,
  type FeatureLevel,
} from "./business-label";
import { quantileSorted, sortColumn } from "./quantile";

/** Summary of one feature within one cluster, in raw units. */
export type FeatureSummary = { mean: number; median: number; min: number; max: number };

export type ClusterProfile = {
  cluster: number;
  size: number;
  /** Share of all rows (loans), 0..1. */
  shareOfRows: number;
  /** Share of the total weight (e.g. loan balance), 0..1; null when no weights were given. */
  shareOfWeight: number | null;
  /** Centroid mapped back to raw units (feature order). */
  centroidRaw: number[];
  /** Per feature, keyed by feature name. */
  features: Record<string, FeatureSummary & { level: FeatureLevel }>;
  label: ClusterLabel;
};

/**
 * Profiles each cluster in raw units (mean, median, min, max per feature, size, shares) and names it
 * from where its centre sits against the overall terciles of each feature. The centre used is the
 * cluster's median: the mean of a discrete feature (terms of 6 / 12 / 36 months) falls between the
 * values loans actually take, and would call a cluster of 12-month loans "long" when most loans are 12.
 * `raw` is row-major (n × features.length); `labels` holds clusters 0..k−1.
 */
export function profileClusters(args: {
  raw: Float64Array;
  features: readonly string[];
  labels: Int32Array;
  k: number;
  centroidsRaw: Float64Array;
  weights?: ArrayLike<number>;
}): ClusterProfile[] {
  const { raw, features, labels, k, centroidsRaw, weights } = args;
  const dims = features.length;
  const n = labels.length;
  const sizes = new Int32Array(k);
  const weightSums = new Float64Array(k);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    sizes[labels[i]!]!++;
    if (weights) {
      weightSums[labels[i]!]! += weights[i]!;
      totalWeight += weights[i]!;
    }
  }
  // Rows grouped by cluster (counting sort) so each cluster's column can be sorted for its median.
  const starts = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) starts[j + 1] = starts[j]! + sizes[j]!;
  const order = new Int32Array(n);
  const cursor = starts.slice(0, k);
  for (let i = 0; i < n; i++) order[cursor[labels[i]!]!++] = i;

  const terciles = features.map((_, f) => {
    const sorted = sortColumn(raw, dims, f);
    return [quantileSorted(sorted, 1 / 3), quantileSorted(sorted, 2 / 3)] as const;
  });
  const profiles: ClusterProfile[] = [];
  for (let j = 0; j < k; j++) {
    const size = sizes[j]!;
    const summaries: ClusterProfile["features"] = {};
    const levels: FeatureLevel[] = [];
    const values = new Float64Array(size);
    features.forEach((feature, f) => {
      let sum = 0;
      for (let r = 0; r < size; r++) {
        const value = raw[order[starts[j]! + r]! * dims + f]!;
        values[r] = value;
        sum += value;
      }
      values.sort();
      const median = quantileSorted(values, 0.5);
      const level = classifyLevel(median, terciles[f]![0], terciles[f]![1]);
      levels.push(level);
      summaries[feature] = { mean: sum / size, median, min: values[0]!, max: values[size - 1]!, level };
    });
    profiles.push({
      cluster: j,
      size,
      shareOfRows: n > 0 ? size / n : 0,
      shareOfWeight: weights ? (totalWeight !== 0 ? weightSums[j]! / totalWeight : 0) : null,
      centroidRaw: Array.from(centroidsRaw.subarray(j * dims, (j + 1) * dims)),
      features: summaries,
      label: buildClusterLabel(features, levels),
    });
  }
  const names = disambiguateLabels(profiles.map((p) => p.label));
  return profiles.map((p, j) => ({ ...p, label: names[j]! }));
}
