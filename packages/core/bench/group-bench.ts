/**
 * Grouping benchmark (not a test): k-prototypes on planted mixed customer data (3 numeric, 3 categorical
 * attributes, 4 groups), beside the baseline of the same k-means kernels over the numeric attributes only.
 *
 *   npx tsx packages/core/bench/group-bench.ts [--sizes 10000,100000,1000000] [--seed 0] [--full] [--json]
 *
 * For each size: encoding (z-scores, level codes), one k-prototypes fit at k = 4 (three seeded starts) and one
 * k-means fit at k = 4 on the numeric columns (runKMeans, three k-means++ starts), with the kept start's iterations,
 * so time per row (seeding included; median of 3 fits) shows whether the work grows linearly. `--full` also times the whole
 * `groupMixed` as a run uses it (k 2..8 chosen on a 20,000-row sample, 5 restarts, 3 stability subsamples).
 * Single-threaded; CPU seconds of this process (a shared machine is noisy: compare the per-row figures).
 */
import { parseArgs } from "node:util";
import { runKMeans } from "../src/clustering";
import { fitKPrototypes, groupingMethodSchema, groupMixed } from "../src/grouping";
import { plantGroups } from "../src/grouping/__fixtures__/planted-groups";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    seed: { type: "string", default: "0" },
    full: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const seed = Number(values.seed);

/** CPU seconds (user + system) of a task: steadier than wall time on a shared machine. */
function time<T>(task: () => T): { result: T; seconds: number } {
  const start = process.cpuUsage();
  const result = task();
  const used = process.cpuUsage(start);
  return { result, seconds: (used.user + used.system) / 1e6 };
}

/** The median of three timed runs (the same seeded work each time). */
function median3<T>(task: () => T): { result: T; seconds: number } {
  const runs = [time(task), time(task), time(task)].sort((a, b) => a.seconds - b.seconds);
  return runs[1]!;
}

type Row = {
  rows: number;
  encodeSeconds: number;
  kPrototypes: { seconds: number; iterations: number; nsPerRow: number };
  kMeansNumericOnly: { seconds: number; iterations: number; nsPerRow: number };
  full: { seconds: number; k: number } | null;
};

// Warm-up (JIT) on a small table.
{
  const { table } = plantGroups({ perGroup: 2_500, seed, noise: 0.2, spread: 1.5 });
  fitKPrototypes({ table, k: 4, gamma: 0.5, restarts: 3, seed, maxIterations: 100 });
  runKMeans({ data: table.numeric, dims: 3, k: 4, restarts: 1, seed });
}
const figures: Row[] = [];
for (const n of sizes) {
  const encoded = time(() => plantGroups({ perGroup: Math.round(n / 4), seed, noise: 0.2, spread: 1.5 }));
  const { table } = encoded.result;
  const rows = table.n;
  const proto = median3(() => fitKPrototypes({ table, k: 4, gamma: 0.5, restarts: 3, seed, maxIterations: 100 }));
  const kmeans = median3(() =>
    runKMeans({ data: table.numeric, dims: 3, k: 4, restarts: 3, seed, maxIterations: 100 }),
  );
  const full = values.full ? time(() => groupMixed({ table, method: groupingMethodSchema.parse({ seed }) })) : null;
  figures.push({
    rows,
    encodeSeconds: encoded.seconds,
    kPrototypes: {
      seconds: proto.seconds,
      iterations: proto.result.iterations,
      nsPerRow: (proto.seconds * 1e9) / rows,
    },
    kMeansNumericOnly: {
      seconds: kmeans.seconds,
      iterations: kmeans.result.iterations,
      nsPerRow: (kmeans.seconds * 1e9) / rows,
    },
    full: full ? { seconds: full.seconds, k: full.result.k } : null,
  });
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const lines = [
    "rows\tgenerate+encode s\tk-prototypes s (iter)\tns/row\tk-means numeric-only s (iter)\tns/row\tgroupMixed s (k)",
    ...figures.map((f) =>
      [
        f.rows,
        f.encodeSeconds.toFixed(2),
        `${f.kPrototypes.seconds.toFixed(2)} (${f.kPrototypes.iterations})`,
        f.kPrototypes.nsPerRow.toFixed(0),
        `${f.kMeansNumericOnly.seconds.toFixed(2)} (${f.kMeansNumericOnly.iterations})`,
        f.kMeansNumericOnly.nsPerRow.toFixed(0),
        f.full ? `${f.full.seconds.toFixed(2)} (${f.full.k})` : "—",
      ].join("\t"),
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
