import { spawn } from "node:child_process";
import { seedDemoWorld } from "@creditseg/db/seed";
import { buildWeb, serveWeb } from "./api-bench";
import { REPO_ROOT, runJsonChild } from "./children";
import { median, type Figure } from "./figures";
import { withMigratedPostgres } from "./throwaway-postgres";

/** The engine's run benchmark; its `--phase run` child runs one segment run on a seeded database and prints its figures. */
const RUN_SCRIPT = "packages/engine/bench/run-bench.ts";
/** The seed every run figure is measured on (the engine bench's). */
const SEED = 20_250_101;
const PERIOD = "2025";
const PORT = 3211;
/** Peak RSS a run may take per million loans (MB), on PostgreSQL. */
const RSS_MB_PER_MILLION_LOANS = 400;

type RunChild = {
  outcome: { status: string; error?: string; timingsMs: Record<string, number> };
  wallMs: number;
  maxRssMb: number;
  eventLoopMaxDelayMs: number;
};
type EndpointResult = { name: string; p95: number; failures: number };
type LoadRun = { runs: EndpointResult[][] };

export type RunFigure = Figure & { runs: number };

const runChildArgs = (url: string) => ["--phase", "run", "--location", url];

/** One load test of the web API (every endpoint for `seconds`, 50 signed-in users). */
const loadTest = (origin: string, seconds: number) =>
  runJsonChild<LoadRun>("apps/web/bench/load-test.ts", [
    "--url",
    origin,
    "--seconds",
    String(seconds),
    "--connections",
    "50",
    "--json",
  ]);

/**
 * Run figures on PostgreSQL at one scale, on one seeded database: the segment run's wall time and peak RSS (its own
 * process, as a worker runs it; seeding not counted), `repeats` times; then, unless `withApi` is false, the web API's
 * p95 under load with no run, and again while a run executes in a worker process beside the server.
 */
export async function benchRuns(
  serverUrl: string,
  args: { loans: number; repeats: number; withApi: boolean; apiSeconds: number; say: (line: string) => void },
): Promise<RunFigure[]> {
  const { loans, say } = args;
  const customers = Math.max(1, Math.round(loans / 10));
  return withMigratedPostgres(serverUrl, async (handle, url) => {
    say(`run: seeding ${loans} loans, ${customers} customers`);
    const seedStart = performance.now();
    await seedDemoWorld(handle, { customers, loans, period: PERIOD, seed: SEED });
    say(`run: seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
    const runs: RunChild[] = [];
    for (let i = 0; i < args.repeats; i++) {
      say(`run.full postgres ${i + 1}/${args.repeats}`);
      const run = await runJsonChild<RunChild>(RUN_SCRIPT, runChildArgs(url));
      if (run.outcome.status !== "succeeded") throw new Error(`run.full failed: ${run.outcome.error}`);
      runs.push(run);
    }
    const figures: RunFigure[] = [];
    const keep = (figure: RunFigure) => {
      figures.push(figure);
      say(`figure ${JSON.stringify(figure)}`);
    };
    const wall = runs.map((r) => r.wallMs / 1000);
    const rss = runs.map((r) => r.maxRssMb);
    const stages = Object.entries(runs[0]!.outcome.timingsMs)
      .filter(([stage]) => !stage.includes("."))
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
      .join(", ");
    const millions = loans / 1e6;
    keep({
      name: "run.full.postgres",
      value: median(wall),
      min: Math.min(...wall),
      max: Math.max(...wall),
      runs: wall.length,
      unit: "s",
      baseline: null,
      ratio: null,
      note: `peak RSS ${Math.max(...rss)} MB; longest event-loop stall ${Math.max(...runs.map((r) => r.eventLoopMaxDelayMs))} ms; stages: ${stages}`,
    });
    keep({
      name: "run.full.postgres.peakRss",
      value: median(rss),
      min: Math.min(...rss),
      max: Math.max(...rss),
      runs: rss.length,
      unit: "MB",
      baseline: null,
      ratio: null,
      target: { op: "<=", value: Math.round(RSS_MB_PER_MILLION_LOANS * Math.max(1, millions)) },
      note: `peak resident memory of the process running the segment run; ${(median(rss) / Math.max(1, millions)).toFixed(0)} MB per million loans (target ≤ ${RSS_MB_PER_MILLION_LOANS})`,
    });
    if (!args.withApi) return figures;

    say("run.api: next build, next start");
    buildWeb();
    const origin = `http://127.0.0.1:${PORT}`;
    const stop = await serveWeb(url, PORT);
    try {
      say("run.api: load with no run");
      const quiet = await loadTest(origin, args.apiSeconds);
      // Each load test signs its 50 users in, and the server admits 60 sign-ins from one address (the bench's) until
      // a minute passes without one: the second test waits that minute out.
      await new Promise((resolve) => setTimeout(resolve, 61_000));
      say("run.api: load while a run executes in a worker process");
      const worker = spawn(process.execPath, ["--import", "tsx", RUN_SCRIPT, ...runChildArgs(url)], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let workerOut = "";
      worker.stdout.setEncoding("utf8").on("data", (chunk: string) => (workerOut += chunk));
      const workerDone = new Promise<number | null>((resolve) => worker.on("close", resolve));
      let isRunStillGoing = true;
      void workerDone.then(() => (isRunStillGoing = false));
      const busy = await loadTest(origin, args.apiSeconds);
      const wasOverlapped = isRunStillGoing;
      const code = await workerDone;
      if (code !== 0) throw new Error(`the run beside the API load exited with ${code}`);
      const beside = JSON.parse(workerOut.trim().split("\n").at(-1)!) as RunChild;
      if (beside.outcome.status !== "succeeded") throw new Error(`the run beside the API load failed`);
      for (const [name, endpoint] of [
        ["api.dashboard.p95.besideRun", "segment.summary"],
        ["api.customers.p95.besideRun", "customer.list (by contribution)"],
      ] as const) {
        const p95 = (load: LoadRun) => load.runs[0]!.find((r) => r.name === endpoint)!;
        const withRun = p95(busy);
        const without = p95(quiet);
        keep({
          name,
          value: withRun.p95,
          unit: "ms",
          baseline: { name: `${endpoint} p95 with no run (same server, same data)`, value: without.p95 },
          ratio: withRun.p95 / without.p95,
          runs: 1,
          note: `${customers} customers, 50 connections, ${args.apiSeconds} s per endpoint; the run (its own process, ${(beside.wallMs / 1000).toFixed(0)} s) ${wasOverlapped ? "was running for the whole load test" : "ENDED before the load test did"}; ${withRun.failures + without.failures} failed requests`,
        });
      }
    } finally {
      stop();
    }
    return figures;
  });
}
