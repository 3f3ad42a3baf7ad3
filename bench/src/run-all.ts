/**
 * `npm run bench -- --scale 10k|100k|1m|10m [--repeats 3] [--only seed,import,contribution,cluster,run,api]`
 *
 * Generates the demo world at the scale (loans; customers = loans ÷ 10), measures each figure beside the tool
 * people would use instead, measured in the same run on the same data, prints a table and writes
 * bench/results.json (and bench/results-<scale>.json). Medians of `repeats` runs, with min and max; the
 * heaviest steps run once at 1m and 10m, as each figure's `runs` says. At 10m only `run` is measured (PostgreSQL).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchContribution } from "./contribution-bench";
import { measureApi } from "./api-bench";
import { JOB_PROCESS_NODE_FLAGS } from "../../apps/cli/bin/job-process-flags.mjs";
import { REPO_ROOT, runJsonChild } from "./children";
import { flag, isTargetMet, median, type Figure } from "./figures";
import { describeMachine } from "./machine";
import { measureSeed } from "./seed-bench";
import { requireBenchServer } from "./require-server";
import { benchRuns } from "./run-bench";
import { withMigratedPostgres } from "./throwaway-postgres";

const SCALES = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000 } as const;
type Scale = keyof typeof SCALES;
type Result = Figure & { runs: number };

const scale = (flag("--scale") ?? "100k") as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
const loans = SCALES[scale];
const customers = loans / 10;
const repeats = Math.max(1, Number(flag("--repeats") ?? 3));
const isHuge = scale === "1m" || scale === "10m";
const heavyRepeats = isHuge ? 1 : repeats;
const only = new Set(
  (flag("--only") ?? (scale === "10m" ? "run" : "seed,import,contribution,cluster,run,api")).split(","),
);
if (scale === "10m" && [...only].some((part) => part !== "run")) throw new Error("at 10m only --only run is measured");
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://creditseg:creditseg@127.0.0.1:5432/creditseg";
const results: Result[] = [];
const notes: string[] = [];

const stats = (values: number[]) => ({
  value: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.length,
});
const say = (line: string) => process.stderr.write(`[bench ${scale}] ${line}\n`);

await requireBenchServer(serverUrl);
const startedAt = new Date().toISOString();
const machine = await withMigratedPostgres(serverUrl, (handle) => describeMachine(handle));
say(
  `${loans} loans, ${customers} customers, ${repeats} repeats; ${machine.cpuModel} × ${machine.cores}, load ${machine.loadAverageAtStart}`,
);

if (only.has("seed") || only.has("contribution")) {
  const seedRates: number[] = [];
  const copyRates: number[] = [];
  for (let i = 0; i < heavyRepeats; i++) {
    await withMigratedPostgres(serverUrl, async (handle, url) => {
      say(`seed ${i + 1}/${heavyRepeats}`);
      const seeded = await measureSeed(handle, url, { customers, loans });
      seedRates.push(seeded.rows / seeded.seconds);
      copyRates.push(seeded.rows / seeded.psqlCopySeconds);
      if (i === heavyRepeats - 1 && only.has("contribution")) {
        say("contribution");
        const figure = await benchContribution(handle, { period: "2025", repeats });
        results.push({ ...figure, runs: repeats });
      }
    });
  }
  const seed = stats(seedRates);
  const copy = median(copyRates);
  results.push({
    name: "seed",
    ...seed,
    unit: "rows/s",
    baseline: { name: "psql \\copy of the same rows", value: copy },
    ratio: seed.value / copy,
    note: `${customers} customers and their loans, deposits, fees, projects (PostgreSQL)`,
  });
}

if (only.has("import")) {
  type ImportResult = { rows: number; results: { target: string; rowsPerSecond: number }[] };
  const runs: ImportResult[] = [];
  for (let i = 0; i < heavyRepeats; i++) {
    say(`import ${i + 1}/${heavyRepeats}`);
    runs.push(
      // The child stands for a `creditseg worker` executing the import: it starts with the same flags.
      await runJsonChild<ImportResult>(
        "packages/ingest/bench/import-bench.ts",
        ["--rows", String(loans), "--json"],
        { BENCH_DATABASE_URL: serverUrl },
        JOB_PROCESS_NODE_FLAGS,
      ),
    );
  }
  // Targets by their whole names, as import-bench.ts prints them (one is the start of others).
  const rate = (target: string) => runs.map((r) => r.results.find((x) => x.target === target)!.rowsPerSecond);
  const LIMIT = "psql \\copy → loans table (keys, indexes, checks)";
  const psqlPlain = median(rate("psql \\copy (plain table, no validation)"));
  const psqlLoans = median(rate(LIMIT));
  const psqlUnbatched = median(rate("psql \\copy → loans table without the batch column"));
  results.push({
    name: "import.copy.loans",
    ...stats(rate(LIMIT)),
    unit: "rows/s",
    baseline: { name: "psql \\copy (plain table, no validation)", value: psqlPlain },
    ratio: psqlLoans / psqlPlain,
    note: `the fair limit: the same rows as stored (fen, codes, their batch) into the real loans table with its keys, index, checks and both foreign keys; without the batch column (one foreign key fewer per row) ${Math.round(psqlUnbatched)} rows/s`,
  });
  for (const [name, target] of [
    ["import.csv.postgres", "creditseg import → PostgreSQL"],
    ["import.csv.gbk.postgres", "creditseg import → PostgreSQL, GBK"],
    ["import.xlsx.postgres", "creditseg import → PostgreSQL, XLSX"],
    ["import.csv.pglite", "creditseg import → PGlite"],
  ] as const) {
    const s = stats(rate(target));
    results.push({
      name,
      ...s,
      unit: "rows/s",
      baseline: { name: "psql \\copy into the loans table (keys, indexes, checks, foreign keys)", value: psqlLoans },
      ratio: s.value / psqlLoans,
      ...(name === "import.csv.postgres" ? { target: { op: ">=" as const, ratio: 0.5 } } : {}),
      note: `${(s.value / psqlPlain).toFixed(3)} × psql \\copy into a plain table (${Math.round(psqlPlain)} rows/s); ${(s.value / psqlUnbatched).toFixed(3)} × \\copy into the loans table without the batch column`,
    });
  }
}

if (only.has("cluster")) {
  type ClusterFigure = { name: string; value: number; baseline: { value: number } | null };
  type ClusterResult = { figures: ClusterFigure[]; baselineNote: string | null; k5Threads: number };
  const runs: ClusterResult[] = [];
  for (let i = 0; i < heavyRepeats; i++) {
    say(`cluster ${i + 1}/${heavyRepeats}`);
    runs.push(
      await runJsonChild<ClusterResult>("packages/core/bench/cluster-bench.ts", [
        "--n",
        String(loans),
        "--workers",
        "2",
        "--json",
      ]),
    );
  }
  const pick = (name: string) => runs.map((r) => r.figures.find((f) => f.name === name)!);
  const skipped = runs[0]?.baselineNote;
  if (skipped) notes.push(`clustering baseline: ${skipped}`);
  // Threads by size (the pool's `kmeansThreadsFor`): one thread below its threshold, as a segment run fits.
  const threads = runs[0]?.k5Threads ?? 1;
  const threadNote = threads > 1 ? `${threads} worker threads` : "1 thread (below the pool's size threshold)";
  for (const [name, timeName, inertiaName, targetRatio] of [
    ["cluster.k5", "cluster.k5.time.sized", "cluster.k5.inertia", 1],
    ["cluster.select2to8", "cluster.select2to8.time.sized", null, 2],
  ] as const) {
    const times = pick(timeName);
    const s = stats(times.map((f) => f.value));
    const baseline = times.every((f) => f.baseline) ? median(times.map((f) => f.baseline!.value)) : null;
    const inertia = inertiaName ? pick(inertiaName)[0] : null;
    const inertiaRatio = inertia?.baseline ? inertia.value / inertia.baseline.value : null;
    results.push({
      name,
      ...s,
      unit: "s",
      baseline:
        baseline === null ? null : { name: "scikit-learn KMeans(n_init=10), same transformed data", value: baseline },
      ratio: baseline === null ? null : s.value / baseline,
      target: { op: "<=", ratio: targetRatio },
      note:
        inertiaRatio === null
          ? "10 restarts per k, threads by size of each fit"
          : `10 restarts, ${threadNote}; inertia ratio ${inertiaRatio.toFixed(6)} (target ≤ 1.005)`,
    });
  }
}

if (only.has("run")) {
  type RunResult = {
    db: string;
    status: string;
    error: string | null;
    runWallMs: number;
    stagesMs: Record<string, number>;
    peakRssMb: number;
    eventLoopMaxDelayMs: number;
  };
  // PostgreSQL: run time, peak RSS, and the web API's p95 with a run executing beside it (bench/src/run-bench.ts).
  results.push(...(await benchRuns(serverUrl, { loans, repeats: heavyRepeats, withApi: true, apiSeconds: 10, say })));
  for (const db of isHuge ? [] : ["pglite"]) {
    const runs: RunResult[] = [];
    for (let i = 0; i < heavyRepeats; i++) {
      say(`run.full ${db} ${i + 1}/${heavyRepeats}`);
      const run = await runJsonChild<RunResult>(
        "packages/engine/bench/run-bench.ts",
        ["--loans", String(loans), "--db", db, "--json"],
        { TEST_DATABASE_URL: serverUrl },
      );
      if (run.status !== "succeeded") throw new Error(`run.full on ${db} failed: ${run.error ?? run.status}`);
      runs.push(run);
    }
    const wall = stats(runs.map((r) => r.runWallMs / 1000));
    const rss = Math.max(...runs.map((r) => r.peakRssMb));
    const stall = Math.max(...runs.map((r) => r.eventLoopMaxDelayMs));
    const stages = Object.entries(runs[0]!.stagesMs)
      .filter(([stage]) => !stage.includes("."))
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
      .join(", ");
    results.push({
      name: `run.full.${db}`,
      ...wall,
      unit: "s",
      baseline: null,
      ratio: null,
      target: { op: "<=", value: 120 },
      note: `peak RSS ${rss} MB; longest event-loop stall ${stall} ms; stages: ${stages}`,
    });
    results.push({
      name: `run.full.${db}.peakRss`,
      ...stats(runs.map((r) => r.peakRssMb)),
      unit: "MB",
      baseline: null,
      ratio: null,
      target: { op: "<=", value: 2048 },
      note: "peak resident memory of the process running the segment run (seeding not counted)",
    });
  }
}

if (only.has("api")) {
  say("api: seed, run, build, next start, 50 signed-in users");
  const { loads, pages } = await withMigratedPostgres(serverUrl, async (handle, url) => {
    const { seedDemoWorld } = await import("@creditseg/db/seed");
    await seedDemoWorld(handle, { customers, loans });
    return measureApi(handle, url, { repeats, seconds: 10 });
  });
  const p95 = (name: string) => loads.map((l) => l.results.find((r) => r.name === name)!.p95);
  const health = median(p95("system.health"));
  for (const [figure, endpoint] of [
    ["api.dashboard.p95", "segment.summary"],
    ["api.customers.p95", "customer.list (by contribution)"],
  ] as const) {
    const s = stats(p95(endpoint));
    const failures = loads.reduce((sum, l) => sum + l.results.find((r) => r.name === endpoint)!.failures, 0);
    results.push({
      name: figure,
      ...s,
      unit: "ms",
      baseline: { name: "system.health p95 (same stack, no data)", value: health },
      ratio: s.value / health,
      target: { op: "<=", value: 300 },
      note: `${customers} customers on PostgreSQL, 50 connections; ${failures} failed requests`,
    });
  }
  const signInPage = median(pages.signIn);
  for (const [figure, timings] of [
    ["page.dashboard", pages.dashboard],
    ["page.customers", pages.customers],
  ] as const) {
    const s = stats(timings);
    results.push({
      name: figure,
      ...s,
      unit: "ms",
      baseline: { name: "sign-in page (no data), same browser", value: signInPage },
      ratio: s.value / signInPage,
      target: { op: "<=", value: 1000 },
      note: `Chromium 1366×768, risk manager seeing all ${customers} customers, navigation until data rows show`,
    });
  }
}

const report = {
  scale,
  loans,
  customers,
  repeats,
  startedAt,
  finishedAt: new Date().toISOString(),
  machine,
  notes,
  figures: results.map((r) => ({ ...r, isTargetMet: isTargetMet(r) })),
};
for (const file of ["bench/results.json", `bench/results-${scale}.json`])
  writeFileSync(join(REPO_ROOT, file), `${JSON.stringify(report, null, 2)}\n`);

const cell = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "—" : x >= 1000 ? Math.round(x).toLocaleString("en") : x.toFixed(digits);
console.log(
  `\nCreditSeg bench, scale ${scale} (${loans.toLocaleString("en")} loans), ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, ${machine.postgres ?? ""}`,
);
console.log("| figure | value | unit | min – max | baseline | baseline value | ratio | target met |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of report.figures) {
  console.log(
    `| ${r.name} | ${cell(r.value)} | ${r.unit} | ${cell(r.min)} – ${cell(r.max)} | ${r.baseline?.name ?? "—"} | ${cell(r.baseline?.value)} | ${cell(r.ratio, 3)} | ${r.isTargetMet === null ? "—" : r.isTargetMet ? "yes" : "no"} |`,
  );
}
for (const r of report.figures) if (r.note) console.log(`- ${r.name}: ${r.note}`);
for (const note of notes) console.log(`- ${note}`);
