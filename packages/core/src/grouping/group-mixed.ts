import { createRng, deriveSeed } from "../random";
import { ClusteringInputError } from "../clustering/clustering-error";
import { candidateKs } from "../clustering/cluster-points";
import { chooseSampleRows } from "../clustering/silhouette";
import { scoreSubsampleStability, type StabilityScore } from "../clustering/stability";
import { defaultGamma, fitKPrototypes, type KPrototypesFit } from "./kprototypes";
import { computeMixedSilhouette } from "./mixed-silhouette";
import { selectTableRows, type MixedTable } from "./mixed-table";
import { profileGroups, type GroupProfile } from "./group-profile";
import type { GroupingMethod } from "./settings";

/** One candidate k: Huang's cost (the elbow curve) and the Gower silhouette, both on the selection sample. */
export type GroupKCandidate = { k: number; cost: number; silhouette: number | null };

/** A group's prototype: numeric means in z units and raw units (attribute order), categorical modes. */
export type GroupPrototype = { numericZ: number[]; numericRaw: number[]; modes: string[] };

export type GroupingResult = {
  numericAttributes: string[];
  categoricalAttributes: string[];
  k: number;
  /** Weight of one categorical mismatch against squared z units. */
  gamma: number;
  /** Huang's cost of the kept fit on all rows. */
  cost: number;
  /** Gower silhouette of the kept fit on `silhouetteSampleSize` rows; null for k = 1. */
  silhouette: number | null;
  silhouetteSampleSize: number;
  /** Group of each input row, 0..k−1, numbered by size (largest first). */
  labels: Int32Array;
  prototypes: GroupPrototype[];
  sizes: number[];
  /** Every k tried, increasing (one entry for a fixed k). */
  selection: GroupKCandidate[];
  selectionSampleSize: number;
  stability: StabilityScore | null;
  iterations: number;
  isConverged: boolean;
  seed: number;
  restarts: number;
  profiles: GroupProfile[];
};

const SELECTION_STREAM = 0x6753;
const SILHOUETTE_STREAM = 0x6751;

/** Renumbers groups by size (largest first; ties by prototype), so output reads the same every run. */
function renumberBySize(
  fit: KPrototypesFit,
  table: MixedTable,
): { labels: Int32Array; order: number[]; sizes: number[] } {
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const sizes = new Array<number>(fit.k).fill(0);
  for (const label of fit.labels) sizes[label]!++;
  const order = Array.from({ length: fit.k }, (_, j) => j).sort((a, b) => {
    if (sizes[b] !== sizes[a]) return sizes[b]! - sizes[a]!;
    for (let f = 0; f < p; f++) {
      const delta = fit.centres[a * p + f]! - fit.centres[b * p + f]!;
      if (delta !== 0) return delta;
    }
    for (let c = 0; c < q; c++) {
      const delta = fit.modes[a * q + c]! - fit.modes[b * q + c]!;
      if (delta !== 0) return delta;
    }
    return a - b;
  });
  const renumber = new Int32Array(fit.k);
  order.forEach((old, j) => (renumber[old] = j));
  return { labels: fit.labels.map((l) => renumber[l]!), order, sizes: order.map((old) => sizes[old]!) };
}

/**
 * Customer or project groups found in mixed data (客户群体): k-prototypes (Huang 1997) with seeded
 * restarts for each candidate k, k chosen by the highest Gower silhouette (the smaller k on ties; the
 * cost curve is reported beside it), then profiled and named from the attributes that set each group
 * apart, with stability across subsamples. A range of k is chosen on a seeded sample of
 * `selectionSampleSize` rows and the chosen k fitted on all, so the work per iteration stays linear in
 * rows. Same table and method (seed) → identical result.
 */
export function groupMixed(args: { table: MixedTable; method: GroupingMethod }): GroupingResult {
  const { table, method } = args;
  const { n } = table;
  if (n === 0) throw new ClusteringInputError("no rows to group");
  const gamma = method.gamma ?? defaultGamma(table);
  const isFixedK = typeof method.k === "number";
  const selectionRows = isFixedK
    ? null
    : chooseSampleRows(n, method.selectionSampleSize, createRng(deriveSeed(method.seed, SELECTION_STREAM)));
  const isSampled = selectionRows !== null && selectionRows.length < n;
  const selectionTable = isSampled ? selectTableRows(table, selectionRows) : table;
  const silhouetteRows = chooseSampleRows(
    selectionTable.n,
    method.silhouetteSampleSize,
    createRng(deriveSeed(method.seed, SILHOUETTE_STREAM)),
  );
  const silhouetteTable = selectTableRows(selectionTable, silhouetteRows);
  const fit = (on: MixedTable, k: number, seed = method.seed): KPrototypesFit =>
    fitKPrototypes({ table: on, k, gamma, restarts: method.restarts, seed, maxIterations: method.maxIterations });
  const silhouetteOf = (labelOf: (row: number) => number, k: number) =>
    computeMixedSilhouette(silhouetteTable, Int32Array.from(silhouetteRows, labelOf), k);

  const selection: GroupKCandidate[] = [];
  let chosen: { fit: KPrototypesFit; silhouette: number | null } | undefined;
  for (const k of candidateKs(method.k, selectionTable.n)) {
    let candidate: KPrototypesFit;
    try {
      candidate = fit(selectionTable, k);
    } catch (error) {
      if (error instanceof ClusteringInputError && !isFixedK) continue; // fewer distinct rows than this k
      throw error;
    }
    const silhouette = silhouetteOf((row) => candidate.labels[row]!, k);
    selection.push({ k, cost: candidate.cost, silhouette });
    if (!chosen || (silhouette ?? -Infinity) > (chosen.silhouette ?? -Infinity))
      chosen = { fit: candidate, silhouette };
  }
  if (!chosen) throw new ClusteringInputError("the rows hold fewer distinct points than any k in the range");
  if (isSampled) {
    const full = fit(table, chosen.fit.k);
    chosen = { fit: full, silhouette: silhouetteOf((row) => full.labels[selectionRows[row]!]!, full.k) };
  }

  const kept = chosen.fit;
  const { labels, order, sizes } = renumberBySize(kept, table);
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const prototypes = order.map((old) => {
    const numericZ = Array.from(kept.centres.subarray(old * p, (old + 1) * p));
    return {
      numericZ,
      numericRaw: numericZ.map((z, f) => {
        const value = z * table.transform.scaleFactor[f]! + table.transform.center[f]!;
        return table.transform.isLog[f] ? Math.max(0, Math.expm1(value)) : value;
      }),
      modes: Array.from(kept.modes.subarray(old * q, (old + 1) * q), (code, a) => table.levels[a]![code]!),
    };
  });
  const profiles = profileGroups({ table, labels, k: kept.k, thresholds: method });
  const stability =
    method.stabilityReplicates > 0
      ? scoreSubsampleStability({
          labels,
          k: kept.k,
          seed: method.seed,
          replicates: method.stabilityReplicates,
          refit: (rows, seed) => fit(selectTableRows(table, rows), kept.k, seed).labels,
        })
      : null;
  return {
    numericAttributes: [...table.numericNames],
    categoricalAttributes: [...table.categoricalNames],
    k: kept.k,
    gamma,
    cost: kept.cost,
    silhouette: chosen.silhouette,
    silhouetteSampleSize: silhouetteRows.length,
    labels,
    prototypes,
    sizes,
    selection,
    selectionSampleSize: selectionTable.n,
    stability,
    iterations: kept.iterations,
    isConverged: kept.isConverged,
    seed: method.seed,
    restarts: method.restarts,
    profiles,
  };
}
