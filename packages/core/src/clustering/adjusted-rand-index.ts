/**
 * Adjusted Rand index between two labelings of the same rows (Hubert & Arabie): 1 for identical
 * partitions up to renumbering, about 0 for chance agreement. Labels are small non-negative integers.
 */
export function computeAdjustedRandIndex(first: ArrayLike<number>, second: ArrayLike<number>): number {
  const n = first.length;
  if (n !== second.length) throw new RangeError("labelings must cover the same rows");
  if (n < 2) return 1;
  let kFirst = 0;
  let kSecond = 0;
  for (let i = 0; i < n; i++) {
    kFirst = Math.max(kFirst, first[i]! + 1);
    kSecond = Math.max(kSecond, second[i]! + 1);
  }
  const table = new Float64Array(kFirst * kSecond);
  const rowSums = new Float64Array(kFirst);
  const columnSums = new Float64Array(kSecond);
  for (let i = 0; i < n; i++) {
    table[first[i]! * kSecond + second[i]!]!++;
    rowSums[first[i]!]!++;
    columnSums[second[i]!]!++;
  }
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const cell of table) index += pairs(cell);
  let rowPairs = 0;
  for (const s of rowSums) rowPairs += pairs(s);
  let columnPairs = 0;
  for (const s of columnSums) columnPairs += pairs(s);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1; // both partitions trivial (one cluster, or all singletons)
  return (index - expected) / (maximum - expected);
}
