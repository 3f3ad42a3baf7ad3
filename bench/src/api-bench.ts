import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { DbHandle } from "@creditseg/db";
import { startRun } from "@creditseg/engine";
import { REPO_ROOT, runJsonChild } from "./children";
import { measurePages, type PageTimings } from "./page-bench";

type EndpointResult = { name: string; requests: number; p50: number; p95: number; p99: number; failures: number };
/** One repeat of the load test: every endpoint measured once. */
export type LoadResult = { results: EndpointResult[] };

const PORT = 3210;

/**
 * Serves the seeded database with `next start` (production build) and load-tests it from a second
 * process on loopback: 50 signed-in users, each endpoint for `seconds`, `repeats` times.
 */
export async function measureApi(
  handle: DbHandle,
  url: string,
  args: { repeats: number; seconds: number },
): Promise<{ loads: LoadResult[]; pages: PageTimings }> {
  const { completion } = await startRun(handle, { actor: { id: "demo-risk", role: "risk_manager" }, period: "2025" });
  const outcome = await completion;
  if (outcome.status !== "succeeded")
    throw new Error(`the segment run for the API benchmark failed: ${outcome.error ?? outcome.status}`);
  buildWeb();
  const origin = `http://127.0.0.1:${PORT}`;
  const stop = await serveWeb(url, PORT);
  try {
    const load = await runJsonChild<{ runs: EndpointResult[][] }>("apps/web/bench/load-test.ts", [
      "--url",
      origin,
      "--seconds",
      String(args.seconds),
      "--connections",
      "50",
      "--repeats",
      String(args.repeats),
      "--json",
    ]);
    const pages = await measurePages(origin, {
      repeats: args.repeats,
      email: "risk@creditseg.local",
      password: "CreditSeg#2025",
    });
    return { loads: load.runs.map((results) => ({ results })), pages };
  } finally {
    stop();
  }
}

/** Builds the web app for production (turbo reuses an unchanged build). */
export function buildWeb(): void {
  const build = spawnSync("npx", ["turbo", "run", "build", "--filter=@creditseg/web", "--output-logs=errors-only"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

/** Serves the built web app with `next start` on the database at `url`, once it answers; returns how to stop it. */
export async function serveWeb(url: string, port: number): Promise<() => void> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: join(REPO_ROOT, "apps/web"),
    env: {
      ...process.env,
      DATABASE_URL: url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: origin,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
  try {
    await waitForServer(`${origin}/api/trpc/system.health`);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

async function waitForServer(healthUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(healthUrl)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer ${healthUrl} within 120 s`);
}
