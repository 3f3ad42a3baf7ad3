/**
 * Clustering benchmark (not a test): k-means on seeded loan-like data, ours beside scikit-learn's
 * KMeans(n_init=10) on the same transformed rows (log1p on amount, then z-score).
 *
 *   npx tsx packages/core/bench/cluster-bench.ts --n 100000 [--seed 0] [--workers 2] [--fits 5] [--json] [--no-sklearn]
 *
 * Ours runs single-threaded (core's `runKMeans`, as a segment run fits) and through the pool with up to
 * `--workers` threads (default: the machine's parallelism; 0 or 1 = single-threaded only), which picks the
 * thread count by size (`kmeansThreadsFor`: one thread below `POOL_MIN_ROWS` rows); scikit-learn uses its
 * OpenMP threads. Wall and
 * CPU seconds (all threads) are printed: on a shared machine the CPU ratio is the steadier one.
 * The k = 5 fit is timed `--fits` times on each side and the median kept (default 5 below 1,000,000
 * rows, else 1): at 10,000 rows one fit takes about 20 ms, where a single timing is mostly noise.
 * Ratios are ours ÷ scikit-learn's (< 1 favours ours). `--json` prints { name, value, unit, baseline, ratio } figures.
 */
// A benchmark is a Node script beside core, not core logic: it needs files, a subprocess and threads.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  clusterPoints,
  clusterPointsWith,
  clusteringSettingsSchema,
  fitTransform,
  runKMeans,
  type ClusteringResult,
  type KCandidate,
  type KMeansFit,
} from "../src/clustering";
import { generateLoanRows } from "./loan-data";
import { createKMeansPool, kmeansThreadsFor, POOL_MIN_ROWS } from "./parallel-kmeans";

type SklearnFigures = {
  k5: { seconds: number; cpuSeconds: number; inertia: number; iterations: number };
  select: { seconds: number; cpuSeconds: number; k: number; selection: KCandidate[] };
};

const PYTHON = "/usr/bin/python3";
const FEATURES = ["rate", "amount", "term_months"];

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "100000" },
    seed: { type: "string", default: "0" },
    workers: { type: "string", default: String(availableParallelism()) },
    json: { type: "boolean", default: false },
    fits: { type: "string" },
    "no-sklearn": { type: "boolean", default: false },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const workerCount = Number(values.workers);
if (!Number.isInteger(n) || n < 10) throw new Error(`--n must be an integer ≥ 10, got ${values.n}`);
const fits = Number(values.fits ?? (n < 1_000_000 ? 5 : 1));
if (!Number.isInteger(fits) || fits < 1) throw new Error(`--fits must be an integer ≥ 1, got ${values.fits}`);

/** Wall and CPU (all threads of this process) seconds of an async task. */
async function measure<T>(task: () => T | Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await task();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** `measure` run `fits` times: the run of median wall time (every run returns the same fit). */
async function measureMedian<T>(
  task: () => T | Promise<T>,
): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const runs: { result: T; seconds: number; cpuSeconds: number }[] = [];
  for (let f = 0; f < fits; f++) runs.push(await measure(task));
  return runs.sort((a, b) => a.seconds - b.seconds)[Math.floor((fits - 1) / 2)]!;
}

const raw = generateLoanRows(n, seed);
const { transformed } = fitTransform({ data: raw, features: FEATURES, log: ["amount"], scale: "zscore" });

// Every k fitted on all n rows, as scikit-learn does here (a run above 100,000 loans chooses k on a sample).
const settings = clusteringSettingsSchema.parse({
  features: FEATURES,
  log: ["amount"],
  scale: "zscore",
  k: { min: 2, max: 8 },
  restarts: 10,
  seed,
  selectionSampleSize: Math.max(100, n),
});
// Warm-up on a slice (JIT, worker start-up and module loading are not what is measured); the
// scikit-learn side does the same.
const warmUpRows = transformed.subarray(0, Math.min(n, 20_000) * 3);
runKMeans({ data: warmUpRows, dims: 3, k: 5, restarts: 2, seed });
const k5 = await measureMedian(() => runKMeans({ data: transformed, dims: 3, k: 5, restarts: 10, seed }));
const pool = workerCount > 1 ? createKMeansPool(workerCount) : null;
const poolThreads = pool ? kmeansThreadsFor(n, workerCount) : 1;
// The pool's warm-up takes the path the measured fit takes: its threads when the size sends it there.
const poolWarmUpRows = poolThreads > 1 ? transformed.subarray(0, POOL_MIN_ROWS * 3) : warmUpRows;
await pool?.fitKMeans({ data: poolWarmUpRows, dims: 3, k: 5, restarts: 2 * workerCount, seed });
let k5Pool: { result: KMeansFit; seconds: number; cpuSeconds: number } | null = null;
let selected: { result: ClusteringResult; seconds: number; cpuSeconds: number };
try {
  if (pool)
    k5Pool = await measureMedian(() => pool.fitKMeans({ data: transformed, dims: 3, k: 5, restarts: 10, seed }));
  selected = pool
    ? await measure(() =>
        clusterPointsWith({
          rows: raw,
          settings,
          stabilityReplicates: 0,
          fitKMeans: (request) => pool.fitKMeans(request),
        }),
      )
    : await measure(() => clusterPoints({ rows: raw, settings, stabilityReplicates: 0 }));
} finally {
  await pool?.close();
}
if (k5Pool && k5Pool.result.inertia !== k5.result.inertia)
  throw new Error("the worker pool and the single thread disagree");

function runSklearn(): SklearnFigures | string {
  if (values["no-sklearn"]) return "skipped (--no-sklearn)";
  if (!existsSync(PYTHON)) return `skipped: ${PYTHON} not found`;
  const dir = mkdtempSync(join(tmpdir(), "cluster-bench-"));
  try {
    const file = join(dir, "rows.f64");
    writeFileSync(file, Buffer.from(transformed.buffer, transformed.byteOffset, transformed.byteLength));
    const script = fileURLToPath(new URL("./sklearn-baseline.py", import.meta.url));
    return JSON.parse(
      execFileSync(PYTHON, [script, file, String(n), "3", String(fits)], { encoding: "utf8", maxBuffer: 1 << 24 }),
    ) as SklearnFigures;
  } catch (error) {
    return `skipped: scikit-learn failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const sklearn = runSklearn();
const baseline = typeof sklearn === "string" ? null : sklearn;

/** Worst ratio over k of our inertia to scikit-learn's in the k selection. */
const worstSelectionRatio = baseline
  ? Math.max(
      ...selected.result.selection.map((c) => c.inertia / baseline.select.selection.find((s) => s.k === c.k)!.inertia),
    )
  : null;

const BASELINE_NAME = "scikit-learn KMeans(n_init=10)";
const figure = (name: string, value: number, unit: string, baselineValue: number | undefined) => ({
  name,
  value,
  unit,
  baseline: baselineValue === undefined ? null : { name: BASELINE_NAME, value: baselineValue },
  ratio: baselineValue === undefined ? null : value / baselineValue,
});
const selectMode = pool ? "sized" : "single";
const figures = [
  figure("cluster.k5.time.single", k5.seconds, "s", baseline?.k5.seconds),
  figure("cluster.k5.cpu.single", k5.cpuSeconds, "s", baseline?.k5.cpuSeconds),
  ...(k5Pool
    ? [
        figure("cluster.k5.time.sized", k5Pool.seconds, "s", baseline?.k5.seconds),
        figure("cluster.k5.cpu.sized", k5Pool.cpuSeconds, "s", baseline?.k5.cpuSeconds),
      ]
    : []),
  figure("cluster.k5.inertia", k5.result.inertia, "", baseline?.k5.inertia),
  figure(`cluster.select2to8.time.${selectMode}`, selected.seconds, "s", baseline?.select.seconds),
  figure(`cluster.select2to8.cpu.${selectMode}`, selected.cpuSeconds, "s", baseline?.select.cpuSeconds),
  figure("cluster.select2to8.chosenK", selected.result.k, "", baseline?.select.k),
];

if (values.json) {
  const note = typeof sklearn === "string" ? sklearn : null;
  console.log(
    JSON.stringify(
      {
        n,
        seed,
        restarts: 10,
        k5Fits: fits,
        workers: pool ? workerCount : 1,
        k5Threads: poolThreads,
        figures,
        worstSelectionInertiaRatio: worstSelectionRatio,
        baselineNote: note,
      },
      null,
      2,
    ),
  );
} else {
  const format = (x: number | null | undefined, digits = 3): string =>
    x === null || x === undefined ? "—" : x.toFixed(digits);
  console.log(
    `k-means on ${n.toLocaleString("en")} loan-like rows × 3 (log1p amount, z-score), 10 restarts, seed ${seed}`,
  );
  if (typeof sklearn === "string") console.log(`scikit-learn ${sklearn}`);
  console.log(["what", "ours", "scikit-learn", "ratio"].map((h, i) => h.padEnd(i === 0 ? 34 : 18)).join(""));
  for (const f of figures) {
    const cells = [
      f.name,
      format(f.value, f.unit === "s" ? 3 : 4),
      format(f.baseline?.value, f.unit === "s" ? 3 : 4),
      format(f.ratio, 4),
    ];
    console.log(cells.map((c, i) => c.padEnd(i === 0 ? 34 : 18)).join(""));
  }
  console.log(
    `k = 5: ${k5.result.iterations} Lloyd iterations in the kept restart; selection inertia ratio, worst k: ${format(worstSelectionRatio, 5)}`,
  );
  console.log(
    "selection (ours):    " +
      selected.result.selection
        .map((c) => `k=${c.k} inertia=${c.inertia.toFixed(1)} silhouette=${format(c.silhouette, 4)}`)
        .join("; "),
  );
  if (baseline) {
    console.log(
      "selection (sklearn): " +
        baseline.select.selection
          .map((c) => `k=${c.k} inertia=${c.inertia.toFixed(1)} silhouette=${format(c.silhouette, 4)}`)
          .join("; "),
    );
  }
}
