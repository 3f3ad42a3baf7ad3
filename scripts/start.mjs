#!/usr/bin/env node
// `npm start`: migrate and (on first start) seed the database, build the web app when needed,
// then serve it on PORT (default 3000). Uses PostgreSQL when DATABASE_URL is set (with one job worker beside the web
// app), else the embedded PGlite in .data/pglite, which keeps its data across restarts and runs jobs in the web process.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JOB_PROCESS_NODE_FLAGS } from "../apps/cli/bin/job-process-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`CreditSeg needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
/** The period `creditseg db seed` fills by default, which the first start segments. */
const DEMO_PERIOD = "2025";
env.BETTER_AUTH_SECRET ||= localSecret();

const cli = join(root, "apps/cli/bin/creditseg.mjs");
run("database", [process.execPath, [cli, "db", "seed"]]);
seedDemoRuns();
run("build", ["npx", ["turbo", "run", "build", "--filter=@creditseg/web", "--output-logs=errors-only"]]);

const port = env.PORT || "3000";
console.log(`CreditSeg on http://localhost:${port} (sign in with a demo user above)`);
// server.mjs rather than `next start`: it tells the app each connection's real peer address (see the README).
const server = spawn(process.execPath, ["server.mjs", "--port", port], {
  cwd: join(root, "apps/web"),
  env: { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
// On PostgreSQL the web app only enqueues runs: one worker beside it executes them (add more with `creditseg worker`).
// On the embedded PGlite, which one process may open, the web process executes its runs itself.
const worker = env.DATABASE_URL
  ? spawn(process.execPath, [...JOB_PROCESS_NODE_FLAGS, cli, "worker", "--concurrency", "1"], {
      cwd: root,
      env,
      stdio: "inherit",
    })
  : null;
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.kill(signal);
    worker?.kill(signal);
  });
server.on("exit", (code) => {
  worker?.kill("SIGTERM");
  process.exit(code ?? 0);
});
worker?.on("exit", (code, signal) => {
  if (signal || code)
    console.error(`npm start: the job worker stopped (${signal ?? code}); queued runs wait for another.`);
});

/**
 * On the first start, two finished segment runs of the demo period through the engine (the CLI's `run`), so
 * the dashboard opens with data, run history and a migration from the previous run. The first uses another
 * clustering seed, the second the active policy as it stands; a database that has any run is left alone.
 */
function seedDemoRuns() {
  const listed = spawnSync(process.execPath, [cli, "runs", "list", "--json"], { cwd: root, env, encoding: "utf8" });
  if (listed.status !== 0) {
    process.stderr.write(listed.stderr);
    console.error(`npm start: listing segment runs failed (exit code ${listed.status ?? listed.signal}).`);
    process.exit(listed.status || 1);
  }
  if (JSON.parse(listed.stdout).length > 0) return;
  console.log(`first start: running the segmentation of ${DEMO_PERIOD} twice (previous run, current run)`);
  run("first demo run", [process.execPath, [cli, "run", "--period", DEMO_PERIOD, "--seed", "1"]]);
  run("second demo run", [process.execPath, [cli, "run", "--period", DEMO_PERIOD]]);
}

function run(step, [command, args]) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(
      `npm start: the ${step} step failed (exit code ${result.status ?? result.signal}); see the message above.`,
    );
    process.exit(result.status || 1);
  }
}

/** A random session secret kept in .data/ (git-ignored) so local sessions survive restarts; set BETTER_AUTH_SECRET in real deployments. */
function localSecret() {
  const file = join(root, ".data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
