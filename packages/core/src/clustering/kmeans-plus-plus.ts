import type { Rng } from "../random";
import { accumulateNearest } from "./distance-kernels";

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

  let closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let potential = accumulateNearest(data, dims, first, closest, closest);
  const cumulative = new Float64Array(n);
  let candidateBest = new Float64Array(n);
  let candidateTrial = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i]!;
      cumulative[i] = running;
    }
    if (!(running > 0)) return null;
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestIndex = -1;
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
      const trialPotential = accumulateNearest(data, dims, low, closest, candidateTrial);
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestIndex = low;
        const swap = candidateBest;
        candidateBest = candidateTrial;
        candidateTrial = swap;
      }
    }
    for (let d = 0; d < dims; d++) centres[c * dims + d] = data[bestIndex * dims + d]!;
    const swap = closest;
    closest = candidateBest;
    candidateBest = swap;
    potential = bestPotential;
  }
  return potential >= 0 ? centres : null;
}
