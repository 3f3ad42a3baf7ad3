/**
 * Clustering benchmark (not a test): k-means on seeded loan-like data, ours beside scikit-learn's
 * KMeans(n_init=10) on the same transformed rows (log1p on amount, then z-score).
 *
 *   npx tsx packages/core/bench/cluster-bench.ts --n 100000 [--seed 0] [--json] [--no-sklearn]
 *
 * Prints time and inertia side by side with ratios (ours ÷ scikit-learn; < 1 is better for us).
 * `--json` prints one object whose `figures` follow the bench format { name, value, unit, baseline, ratio }.
 */
// A benchmark is a Node script beside core, not core logic: it needs files and a subprocess.
/* eslint-disable no-restricted-imports */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { clusterPoints, clusteringSettingsSchema, fitTransform, runKMeans, type KCandidate } from "../src/clustering";
import { generateLoanRows } from "./loan-data";

type SklearnFigures = {
  k5: { seconds: number; inertia: number; iterations: number };
  select: { seconds: number; k: number; selection: KCandidate[] };
};

const PYTHON = "/usr/bin/python3";
const FEATURES = ["rate", "amount", "term_months"];

const { values } = parseArgs({
  options: { n: { type: "string", default: "100000" }, seed: { type: "string", default: "0" }, json: { type: "boolean", default: false }, "no-sklearn": { type: "boolean", default: false } },
});
const n = Number(values.n);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n < 10) throw new Error(`--n must be an integer ≥ 10, got ${values.n}`);

const seconds = (start: number): number => (performance.now() - start) / 1000;

const raw = generateLoanRows(n, seed);
const { transformed } = fitTransform({ data: raw, features: FEATURES, log: ["amount"], scale: "zscore" });

let start = performance.now();
const k5 = runKMeans({ data: transformed, dims: 3, k: 5, restarts: 10, seed });
const k5Seconds = seconds(start);

const settings = clusteringSettingsSchema.parse({ features: FEATURES, log: ["amount"], scale: "zscore", k: { min: 2, max: 8 }, restarts: 10, seed });
start = performance.now();
const selected = clusterPoints({ rows: raw, settings, stabilityReplicates: 0 });
const selectSeconds = seconds(start);

function runSklearn(): SklearnFigures | string {
  if (values["no-sklearn"]) return "skipped (--no-sklearn)";
  if (!existsSync(PYTHON)) return `skipped: ${PYTHON} not found`;
  const dir = mkdtempSync(join(tmpdir(), "cluster-bench-"));
  try {
    const file = join(dir, "rows.f64");
    writeFileSync(file, Buffer.from(transformed.buffer, transformed.byteOffset, transformed.byteLength));
    const script = fileURLToPath(new URL("./sklearn-baseline.py", import.meta.url));
    return JSON.parse(execFileSync(PYTHON, [script, file, String(n), "3"], { encoding: "utf8", maxBuffer: 1 << 24 })) as SklearnFigures;
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
  ? Math.max(...selected.selection.map((c) => c.inertia / baseline.select.selection.find((s) => s.k === c.k)!.inertia))
  : null;

const figure = (name: string, value: number, unit: string, baselineValue: number | undefined) => ({
  name,
  value,
  unit,
  baseline: baselineValue === undefined ? null : { name: "scikit-learn KMeans(n_init=10)", value: baselineValue },
  ratio: baselineValue === undefined ? null : value / baselineValue,
});
const figures = [
  figure("cluster.k5.time", k5Seconds, "s", baseline?.k5.seconds),
  figure("cluster.k5.inertia", k5.inertia, "", baseline?.k5.inertia),
  figure("cluster.select2to8.time", selectSeconds, "s", baseline?.select.seconds),
  figure("cluster.select2to8.chosenK", selected.k, "", baseline?.select.k),
];

if (values.json) {
  console.log(JSON.stringify({ n, seed, restarts: 10, figures, worstSelectionInertiaRatio: worstSelectionRatio, baseline: typeof sklearn === "string" ? sklearn : "scikit-learn" }, null, 2));
} else {
  const format = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined ? "—" : x.toFixed(digits));
  console.log(`k-means on ${n.toLocaleString("en")} loan-like rows × 3 (log1p amount, z-score), 10 restarts, seed ${seed}`);
  if (typeof sklearn === "string") console.log(`scikit-learn ${sklearn}`);
  console.log(["what", "ours", "scikit-learn", "ratio"].map((h) => h.padEnd(26)).join(""));
  for (const f of figures) {
    console.log([f.name, format(f.value, f.unit === "s" ? 3 : 4), format(f.baseline?.value, f.unit === "s" ? 3 : 4), format(f.ratio, 4)].map((c) => c.padEnd(26)).join(""));
  }
  console.log(`k = 5: ${k5.iterations} Lloyd iterations in the kept restart; selection inertia ratio, worst k: ${format(worstSelectionRatio, 5)}`);
  console.log(
    "selection (ours):  " + selected.selection.map((c) => `k=${c.k} inertia=${c.inertia.toFixed(1)} silhouette=${format(c.silhouette, 4)}`).join("; "),
  );
  if (baseline) {
    console.log("selection (sklearn): " + baseline.select.selection.map((c) => `k=${c.k} inertia=${c.inertia.toFixed(1)} silhouette=${format(c.silhouette, 4)}`).join("; "));
  }
}
