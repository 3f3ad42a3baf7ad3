import type { Rng } from "../random";

/**
 * Mean silhouette coefficient of the given rows (row-major, Euclidean distances), as scikit-learn's
 * `silhouette_score`: s(i) = (b − a) / max(a, b), with a = mean distance to the other rows of its
 * own cluster, b = the lowest mean distance to another cluster's rows; s = 0 for a row alone in its
 * cluster. Returns null when fewer than 2 or more than n − 1 clusters are present. O(m² · dims).
 */
export function computeSilhouette(args: {
  data: Float64Array;
  dims: number;
  labels: ArrayLike<number>;
  k: number;
}): number | null {
  const { data, dims, labels, k } = args;
  const m = labels.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]!]!++;
  let present = 0;
  for (let j = 0; j < k; j++) if (sizes[j]! > 0) present++;
  if (present < 2 || present > m - 1) return null;
  // distanceSums[i * k + j] = Σ distance from row i to the rows of cluster j.
  const distanceSums = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    const labelI = labels[i]!;
    const baseI = i * dims;
    for (let other = i + 1; other < m; other++) {
      const baseOther = other * dims;
      let squared = 0;
      for (let d = 0; d < dims; d++) {
        const delta = data[baseI + d]! - data[baseOther + d]!;
        squared += delta * delta;
      }
      const distance = Math.sqrt(squared);
      distanceSums[i * k + labels[other]!]! += distance;
      distanceSums[other * k + labelI]! += distance;
    }
  }
  return scoreFromDistanceSums({ distanceSums, labels, sizes, k });
}

/**
 * The mean silhouette from `distanceSums[i * k + j]` = Σ distance from row i to the rows of cluster j
 * (any distance); shared by the Euclidean score above and the mixed-data one of grouping.
 */
export function scoreFromDistanceSums(args: {
  distanceSums: Float64Array;
  labels: ArrayLike<number>;
  sizes: Int32Array;
  k: number;
}): number {
  const { distanceSums, labels, sizes, k } = args;
  const m = labels.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i]!;
    const ownSize = sizes[own]!;
    if (ownSize < 2) continue;
    const a = distanceSums[i * k + own]! / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      if (j === own || sizes[j] === 0) continue;
      const mean = distanceSums[i * k + j]! / sizes[j]!;
      if (mean < b) b = mean;
    }
    const spread = Math.max(a, b);
    total += spread > 0 ? (b - a) / spread : 0;
  }
  return total / m;
}

/**
 * Rows a score is computed on (the silhouette; the choice of k): all of them up to `maxRows`, otherwise a
 * seeded uniform sample of `maxRows` (sorted, so the sample does not depend on draw order). Drawn once and
 * reused for every k.
 */
export function chooseSampleRows(n: number, maxRows: number, rng: Rng): Int32Array {
  if (n <= maxRows) return Int32Array.from({ length: n }, (_, i) => i);
  return rng.sample(n, maxRows).sort();
}

/** Copies the chosen rows (and their labels) out of a row-major matrix. */
export function gatherRows(data: Float64Array, dims: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * dims);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r]! * dims;
    for (let d = 0; d < dims; d++) out[r * dims + d] = data[from + d]!;
  }
  return out;
}
