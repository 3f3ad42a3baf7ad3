/**
 * Quantile of an ascending-sorted array with linear interpolation between order statistics
 * (numpy's default, "type 7"). `q` in [0, 1]. NaN for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const lowerValue = sorted[lower]!;
  return lowerValue + (sorted[upper]! - lowerValue) * (position - lower);
}

/** One column of a row-major matrix, copied and sorted ascending. */
export function sortColumn(data: Float64Array, dims: number, column: number): Float64Array {
  const n = data.length / dims;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = data[i * dims + column]!;
  return values.sort();
}
