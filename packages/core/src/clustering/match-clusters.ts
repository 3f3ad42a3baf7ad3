import { applyTransform, type FittedTransform } from "./feature-transform";

export type ClusterMatch = {
  /** Cluster number in the earlier run, or null when the later run has more clusters. */
  previous: number | null;
  /** Cluster number in the later run, or null when the earlier run had more clusters. */
  next: number | null;
  /** Euclidean distance between the matched centroids (in the transformed space when a transform is given); null when unmatched. */
  distance: number | null;
};

/**
 * Optimal assignment (Hungarian algorithm, O(n³)) minimising the total cost of a rectangular matrix
 * (rows ≤ columns). Returns for each row the chosen column.
 */
function solveAssignment(cost: number[][], rows: number, columns: number): number[] {
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const matchOfColumn = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  for (let row = 1; row <= rows; row++) {
    matchOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(columns + 1).fill(Number.POSITIVE_INFINITY);
    const isUsed = new Uint8Array(columns + 1);
    do {
      isUsed[column0] = 1;
      const row0 = matchOfColumn[column0]!;
      let delta = Number.POSITIVE_INFINITY;
      let column1 = 0;
      for (let column = 1; column <= columns; column++) {
        if (isUsed[column]) continue;
        const reduced = cost[row0 - 1]![column - 1]! - u[row0]! - v[column]!;
        if (reduced < minimum[column]!) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column]! < delta) {
          delta = minimum[column]!;
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column++) {
        if (isUsed[column]) {
          u[matchOfColumn[column]!]! += delta;
          v[column]! -= delta;
        } else {
          minimum[column]! -= delta;
        }
      }
      column0 = column1;
    } while (matchOfColumn[column0] !== 0);
    do {
      const column1 = way[column0]!;
      matchOfColumn[column0] = matchOfColumn[column1]!;
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) {
    if (matchOfColumn[column]! > 0) result[matchOfColumn[column]! - 1] = column - 1;
  }
  return result;
}

/**
 * Matches the clusters of two runs by their centroids (clusters have no fixed numbering), minimising
 * the total centroid distance (Hungarian). Centroids are in raw units (rows of feature values); pass
 * the fitted transform of either run to measure distances in its scaled space — otherwise raw
 * distances are used, where a feature with large units (amount in CNY) dominates.
 * Different cluster counts leave the surplus clusters unmatched.
 */
export function matchClustersByCentroid(
  previousCentroidsRaw: readonly (readonly number[])[],
  nextCentroidsRaw: readonly (readonly number[])[],
  transform?: FittedTransform,
): ClusterMatch[] {
  const project = (rows: readonly (readonly number[])[]): number[][] => {
    if (!transform || rows.length === 0) return rows.map((r) => [...r]);
    const dims = transform.features.length;
    const flat = applyTransform(transform, Float64Array.from(rows.flat()));
    return rows.map((_, i) => Array.from(flat.subarray(i * dims, (i + 1) * dims)));
  };
  const previous = project(previousCentroidsRaw);
  const next = project(nextCentroidsRaw);
  const distance = (a: number[], b: number[]): number => Math.sqrt(a.reduce((s, x, d) => s + (x - b[d]!) ** 2, 0));
  return matchByCost(previous.length, next.length, (p, n) => distance(previous[p]!, next[n]!));
}

/**
 * Matches `previousCount` earlier groups with `nextCount` later ones minimising the total of `cost(previous, next)`
 * (Hungarian); surplus groups on either side stay unmatched. The match's `distance` is its cost. Sorted by previous,
 * then next.
 */
export function matchByCost(
  previousCount: number,
  nextCount: number,
  cost: (previous: number, next: number) => number,
): ClusterMatch[] {
  const isPreviousRows = previousCount <= nextCount;
  const rowCount = isPreviousRows ? previousCount : nextCount;
  const columnCount = isPreviousRows ? nextCount : previousCount;
  const costs = Array.from({ length: rowCount }, (_, row) =>
    Array.from({ length: columnCount }, (_, column) => (isPreviousRows ? cost(row, column) : cost(column, row))),
  );
  const assigned = rowCount > 0 ? solveAssignment(costs, rowCount, columnCount) : [];
  const matches: ClusterMatch[] = assigned.map((column, row) => ({
    previous: isPreviousRows ? row : column,
    next: isPreviousRows ? column : row,
    distance: costs[row]![column]!,
  }));
  const matchedColumns = new Set(assigned);
  for (let column = 0; column < columnCount; column++) {
    if (matchedColumns.has(column)) continue;
    matches.push(
      isPreviousRows
        ? { previous: null, next: column, distance: null }
        : { previous: column, next: null, distance: null },
    );
  }
  return matches.sort(
    (a, b) => (a.previous ?? Infinity) - (b.previous ?? Infinity) || (a.next ?? Infinity) - (b.next ?? Infinity),
  );
}
