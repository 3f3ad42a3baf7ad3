/**
 * The Playwright webServer: refuses a non-local database, resets and seeds the dedicated e2e
 * database with one segment run, builds the web app (unless E2E_REUSE_BUILD=1 and a build exists) and starts it.
 * Runs before any test, so the server never holds the database while it is being reset.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  buildServerEnv,
  e2eCustomers,
  e2eDatabaseUrl,
  e2ePeriod,
  e2ePgliteDir,
  e2ePort,
  isBuildReused,
  repoRoot,
} from "../env";
import { assertLocalDatabase } from "./local-database";

const webDir = path.join(repoRoot, "apps/web");

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: buildServerEnv(), stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function main() {
  assertLocalDatabase({ databaseUrl: e2eDatabaseUrl, pgliteDir: e2ePgliteDir, repoRoot });
  await run("npx", ["creditseg", "db", "reset", "--yes"], repoRoot);
  await run("npx", ["creditseg", "db", "seed", "--customers", String(e2eCustomers)], repoRoot);
  // A first segment run, so the dashboards have figures from the start of every role's day.
  await run("npx", ["creditseg", "run", "--period", e2ePeriod], repoRoot);
  const hasBuild = existsSync(path.join(webDir, ".next", "BUILD_ID"));
  if (!isBuildReused || !hasBuild) await run("npm", ["run", "build"], webDir);
  const server = spawn(process.execPath, ["server.mjs", "--port", String(e2ePort)], {
    cwd: webDir,
    env: { ...buildServerEnv(), NODE_ENV: "production" },
    stdio: "inherit",
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`e2e server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
