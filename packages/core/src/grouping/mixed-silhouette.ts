import { scoreFromDistanceSums } from "../clustering/silhouette";
import type { MixedTable } from "./mixed-table";

/**
 * Mean silhouette of a grouping under Gower's distance for mixed data: the mean over attributes of
 * |Δ| ÷ range for numeric ones (range over the given rows) and 0 / 1 for equal / different categories.
 * Independent of γ, so it compares k fairly whatever weight the fit used. Returns null when fewer than 2
 * or more than m − 1 groups are present. O(m² · attributes): pass a sample.
 */
export function computeMixedSilhouette(table: MixedTable, labels: ArrayLike<number>, k: number): number | null {
  const m = table.n;
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]!]!++;
  let present = 0;
  for (let j = 0; j < k; j++) if (sizes[j]! > 0) present++;
  if (present < 2 || present > m - 1 || p + q === 0) return null;
  const inverseRange = new Float64Array(p);
  for (let f = 0; f < p; f++) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < m; i++) {
      const value = table.numeric[i * p + f]!;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    inverseRange[f] = high > low ? 1 / (high - low) : 0;
  }
  const attributes = p + q;
  const distanceSums = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    const labelI = labels[i]!;
    for (let other = i + 1; other < m; other++) {
      let sum = 0;
      for (let f = 0; f < p; f++)
        sum += Math.abs(table.numeric[i * p + f]! - table.numeric[other * p + f]!) * inverseRange[f]!;
      for (let a = 0; a < q; a++) if (table.categorical[i * q + a] !== table.categorical[other * q + a]) sum += 1;
      const distance = sum / attributes;
      distanceSums[i * k + labels[other]!]! += distance;
      distanceSums[other * k + labelI]! += distance;
    }
  }
  return scoreFromDistanceSums({ distanceSums, labels, sizes, k });
}
