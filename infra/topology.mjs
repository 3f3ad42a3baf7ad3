#!/usr/bin/env node
// The scaled-out deployment with plain processes (no container engine): PostgreSQL (DATABASE_URL, already running),
// two web instances behind a round-robin proxy, and two job workers. infra/compose.yaml is the same with containers.
//
//   npm run build -w @creditseg/web    # once
//   DATABASE_URL=postgres://… node infra/topology.mjs
//
// PROXY_PORT (3105) and WEB_PORTS (3106,3107) choose the ports, WORKERS (2) the number of workers.
// The scale-out test (infra/scale-out.test.mjs) starts it through startTopology().
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request as httpRequest, createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JOB_PROCESS_NODE_FLAGS } from "../apps/cli/bin/job-process-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "apps/cli/bin/creditseg.mjs");

/** Runs a CLI command to completion with the topology's environment; throws with its output when it fails. */
export function runCli(args, env) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`creditseg ${args.join(" ")} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return result.stdout;
}

function prefixed(child, name, log) {
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk) => {
      for (const line of String(chunk).split("\n")) if (line.trim()) log(`[${name}] ${line}`);
    });
}

async function waitForHealth(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/trpc/system.health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${deadlineMs / 1000} s`);
}

/** A round-robin HTTP proxy: each request goes to the next instance; none of them holds state the other lacks. */
function startProxy(port, targets) {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]);
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/**
 * Starts web instances on `webPorts` behind a proxy on `proxyPort`, and `workers` job workers, on `databaseUrl`
 * (migrated first). Returns the URLs, the child processes (tests kill a worker) and stop().
 */
export async function startTopology({
  databaseUrl,
  proxyPort = 3105,
  webPorts = [3106, 3107],
  workers = 2,
  log = (line) => console.log(line),
}) {
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const webUrls = webPorts.map((port) => `http://127.0.0.1:${port}`);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || randomBytes(32).toString("base64url"),
    APP_URL: proxyUrl,
    // Each instance also answers on its own port (the test talks to each directly).
    TRUSTED_ORIGINS: webUrls.join(","),
    AUTH_INSECURE_COOKIES: "1",
  };
  runCli(["db", "migrate"], env);
  const children = [];
  const stop = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await new Promise((resolve) => proxy?.close(resolve) ?? resolve());
  };
  let proxy;
  try {
    const web = webPorts.map((port, i) => {
      const child = spawn(process.execPath, ["server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
        cwd: join(root, "apps/web"),
        env: { ...env, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      prefixed(child, `web-${"AB"[i] ?? i}`, log);
      return { url: webUrls[i], child };
    });
    const startWorker = (name) => {
      const child = spawn(process.execPath, [...JOB_PROCESS_NODE_FLAGS, cli, "worker", "--concurrency", "1"], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      prefixed(child, name, log);
      return child;
    };
    const workerChildren = Array.from({ length: workers }, (_, i) => startWorker(`worker-${i + 1}`));
    await Promise.all(web.map((instance) => waitForHealth(instance.url, instance.child, 120_000)));
    proxy = await startProxy(proxyPort, webUrls);
    return { env, proxyUrl, web, workers: workerChildren, startWorker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("infra/topology.mjs needs DATABASE_URL (PostgreSQL): the embedded database allows one process.");
    process.exit(2);
  }
  const ports = (process.env.WEB_PORTS || "3106,3107").split(",").map(Number);
  const topology = await startTopology({
    databaseUrl,
    proxyPort: Number(process.env.PROXY_PORT || 3105),
    webPorts: ports,
    workers: Number(process.env.WORKERS || 2),
  });
  console.log(`CreditSeg on ${topology.proxyUrl} (instances ${topology.web.map((w) => w.url).join(", ")})`);
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => void topology.stop().then(() => process.exit(0)));
}
