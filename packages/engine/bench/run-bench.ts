/**
 * Full segment-run benchmark (not a test): seeds a throwaway database with the demo world at a given scale
 * (customers = loans ÷ 10), then runs one segment run in a fresh child process and prints the wall time of each
 * stage and the run process's peak RSS (process.resourceUsage().maxRSS), so seeding does not count.
 *
 *   npx tsx packages/engine/bench/run-bench.ts --loans 10000|100000|1000000 [--db pglite|postgres] [--json]
 *
 * PostgreSQL: a throwaway database on TEST_DATABASE_URL's server (dropped afterwards). PGlite: a temporary directory.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createDb, migrateDb, type DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createThrowawayPostgres } from "@creditseg/db/throwaway-postgres";
import { tuneWorkerHeap } from "../src/jobs/tune-worker-heap";
import { startRun } from "../src/runs/start-run";

const PERIOD = "2025";
const ACTOR = { id: "demo-risk", role: "risk_manager" } as const;

const { values } = parseArgs({
  options: {
    loans: { type: "string", default: "10000" },
    db: { type: "string", default: "pglite" },
    json: { type: "boolean", default: false },
    phase: { type: "string", default: "all" },
    location: { type: "string" },
  },
});

const open = (location: string): Promise<DbHandle> =>
  location.startsWith("postgres") ? createDb({ url: location, maxConnections: 4 }) : createDb({ pgliteDir: location });

/** The child: one run on an already seeded database; prints its figures as one JSON line. */
async function runPhase(location: string): Promise<void> {
  // The child stands for a `creditseg worker` process, which sets its heap the same way.
  tuneWorkerHeap();
  const handle = await open(location);
  // The longest the event loop went unanswered during the run: what a web server running it would make its users wait.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const { completion } = await startRun(handle, { actor: ACTOR, period: PERIOD });
  const outcome = await completion;
  const wallMs = Math.round(performance.now() - started);
  loopDelay.disable();
  await handle.close();
  const eventLoopMaxDelayMs = Math.round(loopDelay.max / 1e6);
  process.stdout.write(
    `${JSON.stringify({ outcome, wallMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), eventLoopMaxDelayMs })}\n`,
  );
}

async function createLocation(kind: string): Promise<{ location: string; dispose: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "creditseg-run-bench-"));
    return {
      location: join(dir, "pglite"),
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("--db postgres needs TEST_DATABASE_URL (a server the bench may create a throwaway database on)");
  const database = await createThrowawayPostgres(serverUrl, "creditseg_run_bench");
  return { location: database.url, dispose: database.drop };
}

async function main(): Promise<void> {
  if (values.phase === "run") return runPhase(values.location!);
  const loans = Number(values.loans);
  if (!Number.isInteger(loans) || loans < 10) throw new Error("--loans must be a whole number ≥ 10");
  const customers = Math.max(1, Math.round(loans / 10));
  const target = await createLocation(values.db);
  try {
    const handle = await open(target.location);
    await migrateDb(handle);
    const seedStart = performance.now();
    const seeded = await seedDemoWorld(handle, { customers, loans, period: PERIOD, seed: 20_250_101 });
    const seedMs = Math.round(performance.now() - seedStart);
    await handle.close();
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--phase", "run", "--location", target.location],
      {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    if (child.status !== 0) throw new Error(`the run process exited with ${child.status ?? child.signal}`);
    const run = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      outcome: { status: string; error?: string; timingsMs: Record<string, number> };
      wallMs: number;
      maxRssMb: number;
      eventLoopMaxDelayMs: number;
    };
    const figures = {
      db: values.db,
      loans: seeded.loans,
      customers: seeded.customers,
      deposits: seeded.deposits,
      projects: seeded.projects,
      seedMs,
      status: run.outcome.status,
      error: run.outcome.error ?? null,
      runWallMs: run.wallMs,
      stagesMs: run.outcome.timingsMs,
      peakRssMb: run.maxRssMb,
      eventLoopMaxDelayMs: run.eventLoopMaxDelayMs,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    } else {
      process.stdout.write(
        `run.full ${figures.db} ${figures.loans} loans / ${figures.customers} customers: ${figures.status}${figures.error ? ` (${figures.error})` : ""}\n` +
          `  wall ${(figures.runWallMs / 1000).toFixed(1)} s | ${Object.entries(figures.stagesMs)
            .filter(([stage]) => !stage.includes("."))
            .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
            .join(" | ")}\n` +
          `  detail ${Object.entries(figures.stagesMs)
            .filter(([stage]) => stage.includes("."))
            .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
            .join(", ")}\n` +
          `  peak RSS ${figures.peakRssMb} MB, longest event-loop stall ${figures.eventLoopMaxDelayMs} ms (seeding ${(seedMs / 1000).toFixed(1)} s, not counted)\n`,
      );
    }
  } finally {
    await target.dispose();
  }
}

await main();
