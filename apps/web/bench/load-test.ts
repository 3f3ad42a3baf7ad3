/**
 * Load test of the two heaviest reads: the dashboard summary and the customer list, through the
 * real HTTP stack (`next start`), as 50 concurrent signed-in users. Loopback only, bounded in time.
 *
 *   npm run -w @creditseg/web bench:load -- --url http://127.0.0.1:3000 --seconds 20 --connections 50
 *
 * Needs a running `next start` on a seeded database (the demo users of `creditseg db seed`).
 */
import autocannon from "autocannon";
import { parseArgs } from "node:util";

const DEMO_PASSWORD = "CreditSeg#2025";
const DEMO_EMAILS = [
  "admin@creditseg.local",
  "risk@creditseg.local",
  "risk2@creditseg.local",
  "officer@creditseg.local",
  "officer2@creditseg.local",
];

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    period: { type: "string" },
    json: { type: "boolean", default: false },
    repeats: { type: "string", default: "1" },
  },
});
/** With --json the figures go to stdout as one JSON line and the readable lines to stderr. */
const say = (line: string) => (values.json ? console.error(line) : console.log(line));
type Measured = { name: string; requests: number; p50: number; p95: number; p99: number; failures: number };
const measured: Measured[] = [];
const base = new URL(values.url);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) {
  console.error(`refusing to load-test ${base.hostname}: loopback addresses only`);
  process.exit(2);
}
const seconds = Math.min(Math.max(Number(values.seconds), 1), 120);
const connections = Math.min(Math.max(Number(values.connections), 1), 200);

async function signIn(email: string): Promise<string> {
  const response = await fetch(new URL("/api/auth/sign-in/email", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin: base.origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!cookie) throw new Error(`sign-in as ${email} returned no session cookie`);
  return cookie.split(";")[0]!;
}

function trpcGet(path: string, input: unknown): string {
  return `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(title: string, path: string, cookies: string[]): Promise<void> {
  const name = title;
  const latencies: number[] = [];
  let connectionNo = 0;
  const instance = autocannon({
    url: base.origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        path,
        // One signed-in user per connection: each connection keeps the cookie it was given first.
        setupRequest: (request, context: Record<string, unknown>) => {
          context.cookie ??= cookies[connectionNo++ % cookies.length];
          return { ...request, headers: { ...request.headers, cookie: context.cookie as string } };
        },
      },
    ],
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const non2xx = result.non2xx + result.errors + result.timeouts;
  measured.push({
    name,
    requests: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: non2xx,
  });
  say(
    `${title.padEnd(28)} requests ${String(result.requests.total).padStart(6)}  ${result.requests.average.toFixed(0).padStart(5)} req/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  non-2xx/errors ${non2xx}`,
  );
}

async function main(): Promise<void> {
  const cookies: string[] = [];
  for (let i = 0; i < connections; i++) cookies.push(await signIn(DEMO_EMAILS[i % DEMO_EMAILS.length]!));
  say(
    `${connections} signed-in sessions (${DEMO_EMAILS.length} demo users), ${seconds} s per endpoint, ${base.origin}`,
  );
  const period = values.period ? { period: values.period } : {};
  const endpoints = [
    ["system.health", trpcGet("system.health", undefined)],
    ["segment.summary", trpcGet("segment.summary", period)],
    ["customer.list (by contribution)", trpcGet("customer.list", { ...period, limit: 50 })],
    ["customer.list (search)", trpcGet("customer.list", { ...period, limit: 50, search: "C00" })],
  ] as const;
  // Warm-up, not measured: one request per endpoint for each signed-in user, so a run's figures, computed once per
  // scope and then cached, are in cache before any figure is taken (else the first test's p95 is the computation's).
  for (const [, path] of endpoints)
    await Promise.all(
      cookies.map((cookie) => fetch(new URL(path, base), { headers: { cookie } }).then((r) => r.arrayBuffer())),
    );
  // Sessions are signed in once and reused by every repeat: signing in again would trip the sign-in rate limit.
  const repeats = Math.min(Math.max(Number(values.repeats), 1), 10);
  const runs: Measured[][] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    measured.length = 0;
    // Baseline: the same stack (Next.js, tRPC, session cookie) answering a procedure that reads nothing (the first).
    for (const [name, path] of endpoints) await measure(name, path, cookies);
    runs.push([...measured]);
  }
  if (values.json) console.log(JSON.stringify({ connections, seconds, runs }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
