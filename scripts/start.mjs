#!/usr/bin/env node
// `npm start`: migrate and (on first start) seed the database, build the web app when needed,
// then serve it on PORT (default 3000). Uses PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite in .data/pglite, which keeps its data across restarts.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`CreditSeg needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.BETTER_AUTH_SECRET ||= localSecret();

run("database", [process.execPath, [join(root, "apps/cli/bin/creditseg.mjs"), "db", "seed"]]);
run("build", ["npx", ["turbo", "run", "build", "--filter=@creditseg/web", "--output-logs=errors-only"]]);

const port = env.PORT || "3000";
console.log(`CreditSeg on http://localhost:${port} (sign in with a demo user above)`);
// server.mjs rather than `next start`: it tells the app each connection's real peer address (see the README).
const server = spawn(process.execPath, ["server.mjs", "--port", port], {
  cwd: join(root, "apps/web"),
  env: { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

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
