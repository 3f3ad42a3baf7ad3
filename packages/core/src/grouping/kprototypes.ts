import { createRng, deriveSeed, type Rng } from "../random";
import { ClusteringInputError } from "../clustering/clustering-error";
import { squaredDistance } from "../clustering/distance-kernels";
import { DEFAULT_TOLERANCE, meanFeatureVariance } from "../clustering/run-kmeans";
import type { MixedTable } from "./mixed-table";

/** Prototypes of k groups: numeric means (z units) and categorical modes (level codes). */
export type Prototypes = { k: number; centres: Float64Array; modes: Int32Array };

export type KPrototypesFit = Prototypes & {
  /** Group of each row, 0..k−1. */
  labels: Int32Array;
  /** Σ over rows of the dissimilarity to its prototype (Huang's cost). */
  cost: number;
  iterations: number;
  isConverged: boolean;
  /** Cost of every restart in run order, and the one kept (lowest; the first on ties). */
  restartCosts: number[];
  bestRestart: number;
  gamma: number;
};

/**
 * Huang's dissimilarity of row `i` to prototype `j`: squared Euclidean distance of the numeric part
 * (z units²) plus γ × the number of categorical attributes that differ from the prototype's modes.
 */
export function dissimilarity(table: MixedTable, i: number, prototypes: Prototypes, j: number, gamma: number): number {
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const cost = p > 0 ? squaredDistance(table.numeric, i, prototypes.centres, j, p) : 0;
  const row = i * q;
  const mode = j * q;
  let mismatches = 0;
  for (let a = 0; a < q; a++) if (table.categorical[row + a] !== prototypes.modes[mode + a]) mismatches++;
  return cost + gamma * mismatches;
}

/** Huang's default γ: half the mean standard deviation of the numeric attributes (as scaled). */
export function defaultGamma(table: MixedTable): number {
  const p = table.numericNames.length;
  if (p === 0 || table.n === 0) return 1;
  let total = 0;
  for (let f = 0; f < p; f++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < table.n; i++) {
      const value = table.numeric[i * p + f]!;
      sum += value;
      squares += value * value;
    }
    const mean = sum / table.n;
    total += Math.sqrt(Math.max(0, squares / table.n - mean * mean));
  }
  const gamma = (0.5 * total) / p;
  return gamma > 0 ? gamma : 1;
}

function copyRowInto(table: MixedTable, row: number, prototypes: Prototypes, j: number): void {
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  for (let f = 0; f < p; f++) prototypes.centres[j * p + f] = table.numeric[row * p + f]!;
  for (let a = 0; a < q; a++) prototypes.modes[j * q + a] = table.categorical[row * q + a]!;
}

/**
 * k-means++ seeding carried over to mixed data: the first prototype is a uniform row; each next one is
 * the best (lowest total cost) of `2 + ⌊ln k⌋` rows drawn with probability ∝ their dissimilarity to the
 * nearest prototype so far. Returns null when the rows hold fewer than k distinct points.
 */
export function seedPrototypes(table: MixedTable, k: number, gamma: number, rng: Rng): Prototypes | null {
  const { n } = table;
  if (k < 1 || k > n) return null;
  const prototypes: Prototypes = {
    k,
    centres: new Float64Array(k * table.numericNames.length),
    modes: new Int32Array(k * table.categoricalNames.length),
  };
  // A one-row scratch prototype for candidates, so distances use the same kernel as the fit.
  const candidate: Prototypes = {
    k: 1,
    centres: new Float64Array(table.numericNames.length),
    modes: new Int32Array(table.categoricalNames.length),
  };
  copyRowInto(table, rng.int(n), prototypes, 0);
  let closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = dissimilarity(table, i, prototypes, 0, gamma);
  let trial = new Float64Array(n);
  let kept = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    if (!(running > 0)) return null;
    let bestPotential = Infinity;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      const target = rng.uniform() * running;
      let low = 0;
      let high = n - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cumulative[mid]! > target) high = mid;
        else low = mid + 1;
      }
      copyRowInto(table, low, candidate, 0);
      let potential = 0;
      for (let i = 0; i < n; i++) {
        const d = dissimilarity(table, i, candidate, 0, gamma);
        trial[i] = d < closest[i]! ? d : closest[i]!;
        potential += trial[i]!;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestRow = low;
        [kept, trial] = [trial, kept];
      }
    }
    copyRowInto(table, bestRow, prototypes, c);
    [closest, kept] = [kept, closest];
  }
  return prototypes;
}

/** Offsets of each categorical attribute's levels in a flat per-group count table. */
function levelOffsets(table: MixedTable): { offsets: Int32Array; total: number } {
  const offsets = new Int32Array(table.levels.length);
  let total = 0;
  table.levels.forEach((levels, a) => {
    offsets[a] = total;
    total += levels.length;
  });
  return { offsets, total };
}

/**
 * One k-prototypes fit from given prototypes (batch form of Huang's algorithm, as Lloyd is for k-means):
 * assign every row to its least dissimilar prototype (the lower index on ties; a row keeps its group
 * when tied), then set each group's numeric means and categorical modes (the lowest code on ties).
 * Group sums and level counts are updated as rows move, so an iteration is O(n · k · attributes).
 * A group left empty takes the row with the highest dissimilarity from a group of ≥ 2 rows.
 * Stops when no row moves, when no mode changed and the numeric means shifted by at most `tolerance`
 * (as k-means does: boundary rows trading places would otherwise take dozens of passes), or after
 * `maxIterations`.
 */
export function runKPrototypes(args: {
  table: MixedTable;
  initial: Prototypes;
  gamma: number;
  maxIterations: number;
  /** Absolute tolerance on the sum of squared shifts of the numeric means (z units²); default 0. */
  tolerance?: number;
}): Omit<KPrototypesFit, "restartCosts" | "bestRestart" | "gamma"> {
  const { table, gamma, maxIterations } = args;
  const tolerance = args.tolerance ?? 0;
  const { n } = table;
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const k = args.initial.k;
  const prototypes: Prototypes = {
    k,
    centres: Float64Array.from(args.initial.centres),
    modes: Int32Array.from(args.initial.modes),
  };
  const { offsets, total } = levelOffsets(table);
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * p);
  const counts = new Int32Array(k);
  const levelCounts = new Int32Array(k * total);

  const move = (i: number, from: number, to: number): void => {
    if (from >= 0) {
      counts[from]!--;
      for (let f = 0; f < p; f++) sums[from * p + f]! -= table.numeric[i * p + f]!;
      for (let a = 0; a < q; a++) levelCounts[from * total + offsets[a]! + table.categorical[i * q + a]!]!--;
    }
    counts[to]!++;
    for (let f = 0; f < p; f++) sums[to * p + f]! += table.numeric[i * p + f]!;
    for (let a = 0; a < q; a++) levelCounts[to * total + offsets[a]! + table.categorical[i * q + a]!]!++;
    labels[i] = to;
  };
  const assign = (): number => {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const current = labels[i]!;
      let best = current;
      let bestCost = current >= 0 ? dissimilarity(table, i, prototypes, current, gamma) : Infinity;
      for (let j = 0; j < k; j++) {
        if (j === current) continue;
        const cost = dissimilarity(table, i, prototypes, j, gamma);
        if (cost < bestCost) {
          bestCost = cost;
          best = j;
        }
      }
      if (best !== current) {
        move(i, current, best);
        moved++;
      }
    }
    return moved;
  };
  const update = (): void => {
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) relocateInto(j);
    }
    for (let j = 0; j < k; j++) {
      const count = counts[j]!;
      for (let f = 0; f < p; f++) prototypes.centres[j * p + f] = sums[j * p + f]! / count;
      for (let a = 0; a < q; a++) {
        const base = j * total + offsets[a]!;
        let mode = 0;
        for (let level = 1; level < table.levels[a]!.length; level++) {
          if (levelCounts[base + level]! > levelCounts[base + mode]!) mode = level;
        }
        prototypes.modes[j * q + a] = mode;
      }
    }
  };
  const relocateInto = (empty: number): void => {
    let farthest = -1;
    let farthestCost = -1;
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      if (counts[a]! < 2) continue;
      const cost = dissimilarity(table, i, prototypes, a, gamma);
      if (cost > farthestCost) {
        farthestCost = cost;
        farthest = i;
      }
    }
    if (farthest < 0) return;
    move(farthest, labels[farthest]!, empty);
    copyRowInto(table, farthest, prototypes, empty);
  };

  assign();
  let iterations = 0;
  let isConverged = false;
  const previousCentres = new Float64Array(k * p);
  const previousModes = new Int32Array(k * q);
  while (iterations < maxIterations) {
    iterations++;
    previousCentres.set(prototypes.centres);
    previousModes.set(prototypes.modes);
    update();
    let shift = 0;
    for (let at = 0; at < k * p; at++) shift += (prototypes.centres[at]! - previousCentres[at]!) ** 2;
    let isModeChanged = false;
    for (let at = 0; at < k * q; at++) if (prototypes.modes[at] !== previousModes[at]) isModeChanged = true;
    // The last step is an assignment: when the prototypes barely moved, the rows are (almost) settled.
    if (assign() === 0 || (shift <= tolerance && !isModeChanged)) {
      isConverged = true;
      break;
    }
  }
  // Keep prototypes consistent with the final labels (means and modes of the final groups).
  update();
  let cost = 0;
  for (let i = 0; i < n; i++) cost += dissimilarity(table, i, prototypes, labels[i]!, gamma);
  return { ...prototypes, labels, cost, iterations, isConverged };
}

/** Stream id of k-prototypes restarts, apart from k-means' restart streams. */
const RESTART_STREAM = 0x6b70;

/**
 * k-prototypes with `restarts` independent seeded starts, keeping the lowest cost (the first on ties).
 * Same table, k, γ and seed → identical fit. Throws ClusteringInputError when k exceeds the rows or
 * the rows hold fewer than k distinct points.
 */
export function fitKPrototypes(args: {
  table: MixedTable;
  k: number;
  gamma: number;
  restarts: number;
  seed: number;
  maxIterations: number;
  /** Relative tolerance, as scikit-learn's k-means: × the mean variance of the numeric attributes. Default 1e-4. */
  tolerance?: number;
}): KPrototypesFit {
  const { table, k, gamma } = args;
  const tolerance =
    (args.tolerance ?? DEFAULT_TOLERANCE) *
    (table.numericNames.length > 0 ? meanFeatureVariance(table.numeric, table.numericNames.length) : 0);
  if (!Number.isInteger(k) || k < 1) throw new ClusteringInputError(`k must be a positive integer, got ${k}`);
  if (k > table.n) throw new ClusteringInputError(`k = ${k} exceeds the number of rows (${table.n})`);
  let best: Omit<KPrototypesFit, "restartCosts" | "bestRestart" | "gamma"> | undefined;
  let bestRestart = 0;
  const restartCosts: number[] = [];
  for (let restart = 0; restart < args.restarts; restart++) {
    const initial = seedPrototypes(table, k, gamma, createRng(deriveSeed(args.seed, RESTART_STREAM, k, restart)));
    if (!initial) throw new ClusteringInputError(`k = ${k} exceeds the number of distinct rows`);
    const fit = runKPrototypes({ table, initial, gamma, maxIterations: args.maxIterations, tolerance });
    restartCosts.push(fit.cost);
    if (!best || fit.cost < best.cost) {
      best = fit;
      bestRestart = restart;
    }
  }
  return { ...best!, restartCosts, bestRestart, gamma };
}
