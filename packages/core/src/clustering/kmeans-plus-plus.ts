import type { Rng } from "../random";
import { adoptCentre, candidatePotentials } from "./distance-kernels";

/**
 * Greedy k-means++ seeding (as scikit-learn does it): the first centre is a uniform draw; each next
 * centre is the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝ squared distance to the
 * nearest chosen centre, "best" meaning the lowest resulting potential (sum of squared distances).
 *
 * `data` is row-major (`n` rows × `dims`). Returns k × dims centres (copies of data points), or
 * `null` when the data hold fewer than k distinct points (the potential reaches 0 early).
 */
export function seedKMeansPlusPlus(args: {
  data: Float64Array;
  dims: number;
  k: number;
  rng: Rng;
}): Float64Array | null {
  const { data, dims, k, rng } = args;
  const n = data.length / dims;
  if (k < 1 || k > n) return null;
  const centres = new Float64Array(k * dims);
  const localTrials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  for (let d = 0; d < dims; d++) centres[d] = data[first * dims + d]!;

  const closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const cumulative = new Float64Array(n);
  const candidates = new Int32Array(localTrials);
  const potentials = new Float64Array(localTrials);
  let running = adoptCentre(data, dims, first, closest, cumulative);
  for (let c = 1; c < k; c++) {
    if (!(running > 0)) return null;
    for (let trial = 0; trial < localTrials; trial++) {
      const target = rng.uniform() * running;
      // First index whose cumulative weight exceeds the target: never a zero-weight point.
      let low = 0;
      let high = n - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cumulative[mid]! > target) high = mid;
        else low = mid + 1;
      }
      candidates[trial] = low;
    }
    candidatePotentials(data, dims, candidates, closest, potentials);
    let bestTrial = 0;
    for (let trial = 1; trial < localTrials; trial++)
      if (potentials[trial]! < potentials[bestTrial]!) bestTrial = trial;
    const bestIndex = candidates[bestTrial]!;
    for (let d = 0; d < dims; d++) centres[c * dims + d] = data[bestIndex * dims + d]!;
    running = adoptCentre(data, dims, bestIndex, closest, cumulative);
  }
  return running >= 0 ? centres : null;
}
