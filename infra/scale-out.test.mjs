// The scaled-out deployment, tested as separate processes on PostgreSQL: two web instances behind a proxy and two
// job workers (infra/topology.mjs). Needs TEST_DATABASE_URL (a server where a throwaway database may be created) and
// a built web app (`npm run build -w @creditseg/web`); run with `npm run test:scale`.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import postgres from "postgres";
import { runCli, startTopology } from "./topology.mjs";

const serverUrl = process.env.TEST_DATABASE_URL;
/** Without a PostgreSQL server there is nothing to scale out (PGlite allows one process): the tests are skipped. */
const skip = serverUrl ? false : "TEST_DATABASE_URL is not set";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PASSWORD = "CreditSeg#2025";
/** Poll interval and the bound on "visible at once" / "runs end", ms. */
const POLL_MS = 100;
const VISIBLE_WITHIN_MS = 1_000;
const RUN_DEADLINE_MS = 120_000;

let topology;
let sql;
let databaseUrl;
let dropDatabase = async () => {};
let workDir;
/** Cookies per instance URL, of the risk manager and (uploads need the admin's permission) of the admin. */
const cookies = new Map();
const adminCookies = new Map();

async function until(what, deadlineMs, probe) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * One HTTP request on a fresh connection: a kept-alive socket the server closes while idle (a long CLI step between
 * two calls) would fail a POST that must not be retried blindly.
 */
function send(method, target, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    req.on("error", (error) => reject(new Error(`${method} ${target}: ${error.message}`, { cause: error })));
    req.end(body);
  });
}

async function signIn(url, email = "risk@creditseg.local", into = cookies) {
  const answer = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(answer.status, 200, `sign-in of ${email} on ${url}`);
  into.set(
    url,
    answer.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  );
}

async function trpc(url, path, input, method = "GET", jar = cookies) {
  const headers = { cookie: jar.get(url), origin: url, "content-type": "application/json" };
  const target =
    method === "GET"
      ? `${url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
      : `${url}/api/trpc/${path}`;
  const answer = await send(method, target, headers, method === "GET" ? undefined : JSON.stringify({ json: input }));
  const body = JSON.parse(answer.text);
  if (answer.status !== 200)
    throw new Error(`${path} on ${url}: HTTP ${answer.status} ${JSON.stringify(body.error?.json ?? body)}`);
  return body.result.data.json;
}

const readRun = (url, runId) => trpc(url, "segmentRun.byId", { runId });
const startRunThrough = (url, period) => trpc(url, "segmentRun.start", { period }, "POST");
const waitForEnd = (url, runId) =>
  until(`run ${runId} finished`, RUN_DEADLINE_MS, async () => {
    const run = await readRun(url, runId);
    return run.status === "succeeded" || run.status === "failed" ? run : undefined;
  });

/** A loans file for another period, on customers the seed made, through the CLI's import (the real path). */
function writeLoansFile(customerIds, period) {
  const header = "借据号,客户编号,产品,金额(元),执行利率,期限(月),起始日,到期日,担保方式,五级分类,年日均余额(元),天数";
  const rows = customerIds.map(
    (id, i) =>
      `L${period}${String(i + 1).padStart(6, "0")},${id},流动资金贷款,${1_000_000 + i * 1_000}.00,${(3.5 + (i % 20) / 10).toFixed(2)},12,${period}-01-15,${Number(period) + 1}-01-15,保证,正常,${800_000 + i * 500}.00,360`,
  );
  const file = join(workDir, `loans-${period}.csv`);
  writeFileSync(file, `${[header, ...rows].join("\n")}\n`);
  return file;
}

before(async () => {
  if (skip) return;
  // The web build is reused when it exists (npm test builds it for the end-to-end tests first).
  if (!existsSync(join(root, "apps/web/.next/BUILD_ID"))) {
    const built = spawnSync("npx", ["turbo", "run", "build", "--filter=@creditseg/web", "--output-logs=errors-only"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    assert.equal(built.status, 0, "building the web app failed");
  }
  workDir = mkdtempSync(join(tmpdir(), "creditseg-scale-"));
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `creditseg_scale_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  // Big enough that a run lasts a few seconds on two cores, so a worker can be killed mid-run.
  runCli(["db", "seed", "--customers", "4000"], env);
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  topology = await startTopology({
    databaseUrl,
    proxyPort: 3105,
    webPorts: [3106, 3107],
    workers: 2,
    log: (line) => {
      if (process.env.SCALE_TEST_VERBOSE) console.log(line);
    },
  });
  for (const instance of topology.web) {
    await signIn(instance.url);
    await signIn(instance.url, "admin@creditseg.local", adminCookies);
  }
});

after(async () => {
  await topology?.stop();
  await sql?.end();
  await dropDatabase();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test(
  "a run started through instance A is executed by a worker, its progress read through instance B",
  { skip },
  async () => {
    const [a, b] = topology.web.map((w) => w.url);
    const queued = await startRunThrough(a, "2025");
    assert.equal(queued.status, "queued");
    const seen = new Set();
    const done = await until("run finished, read through B", RUN_DEADLINE_MS, async () => {
      const run = await readRun(b, queued.id);
      seen.add(`${run.status}:${run.progressPct}`);
      return run.status === "succeeded" || run.status === "failed" ? run : undefined;
    });
    assert.equal(done.status, "succeeded", done.error ?? "");
    assert.ok(
      [...seen].some((s) => s.startsWith("running:")),
      `B saw the run running: ${[...seen].join(", ")}`,
    );
    const [row] = await sql`select worker from segment_runs where id = ${queued.id}`;
    const workerPids = topology.workers.map((w) => String(w.pid));
    assert.ok(
      workerPids.includes(row.worker.split("@")[0]),
      `executed by a worker (${row.worker}), not a web instance`,
    );
    // The proxy reaches both: the same answer whichever instance serves it.
    const [viaProxyCookie] = [cookies.get(a)];
    const viaProxy = await fetch(`${topology.proxyUrl}/api/trpc/system.health`, {
      headers: { cookie: viaProxyCookie },
    });
    assert.equal(viaProxy.status, 200);
  },
);

test("a CLI import is visible on both instances within a second", { skip }, async () => {
  const countOn = async (url) => (await trpc(url, "customer.count", {})).total;
  const [a, b] = topology.web.map((w) => w.url);
  const before = [await countOn(a), await countOn(b)];
  assert.equal(before[0], before[1]);
  const file = join(workDir, "customers-new.csv");
  writeFileSync(
    file,
    "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count\n" +
      "ZZ0001,扩容测试客户有限公司,制造业,浙江,small,A,E1001,50,1.2,3.0,1000000,0\n",
  );
  runCli(["import", file, "--kind", "customers"], topology.env);
  for (const url of [a, b])
    await until(
      `the new customer counted on ${url}`,
      VISIBLE_WITHIN_MS,
      async () => (await countOn(url)) === before[0] + 1,
    );
});

test("a file uploaded and checked through instance A is committed through instance B", { skip }, async () => {
  const [a, b] = topology.web.map((w) => w.url);
  const csv =
    "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count\n" +
    "ZZ0101,上传扩容测试客户一有限公司,制造业,浙江,small,A,E1001,50,1.2,3.0,1000000,0\n" +
    "ZZ0102,上传扩容测试客户二有限公司,批发零售,江苏,medium,BBB,E1002,60,1.1,2.0,2000000,0\n";
  const uploaded = await send(
    "POST",
    `${a}/api/uploads?name=customers-scale.csv`,
    { cookie: adminCookies.get(a), origin: a, "content-type": "application/octet-stream" },
    Buffer.from(csv),
  );
  assert.equal(uploaded.status, 201, uploaded.text);
  const { fileId } = JSON.parse(uploaded.text);
  const checked = await trpc(a, "upload.validate", { fileId, kind: "customers" }, "POST", adminCookies);
  assert.equal(checked.totals.rowsAccepted, 2, JSON.stringify(checked.fileRejects));
  const committed = await trpc(b, "upload.commit", { fileId, kind: "customers" }, "POST", adminCookies);
  assert.equal(committed.status, "committed");
  const [row] = await sql`select count(*)::int as n from customers where customer_id in ('ZZ0101', 'ZZ0102')`;
  assert.equal(row.n, 2);
  // Committed once: the file is gone for both instances.
  await assert.rejects(
    trpc(a, "upload.commit", { fileId, kind: "customers" }, "POST", adminCookies),
    /UPLOAD_FILE_NOT_FOUND/,
  );
});

test("an export requested through instance A is written by a worker and downloaded through B", { skip }, async () => {
  const [a, b] = topology.web.map((w) => w.url);
  const queued = await trpc(
    a,
    "customerExport.request",
    { format: "csv", sort: "customerId", direction: "asc" },
    "POST",
  );
  const done = await until("the export written, read through B", RUN_DEADLINE_MS, async () => {
    const job = await trpc(b, "customerExport.byId", { jobId: queued.id });
    return job.status === "succeeded" || job.status === "failed" ? job : undefined;
  });
  assert.equal(done.status, "succeeded", JSON.stringify(done.failure));
  const [row] = await sql`select worker from export_jobs where id = ${queued.id}`;
  const workerPids = topology.workers.map((w) => String(w.pid));
  assert.ok(workerPids.includes(row.worker.split("@")[0]), `written by a worker (${row.worker}), not a web instance`);
  const file = await send("GET", `${b}${done.downloadUrl}`, { cookie: cookies.get(b) });
  assert.equal(file.status, 200, file.text.slice(0, 200));
  const lines = file.text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  assert.ok(lines[0].startsWith("customer_id,name,"), lines[0]);
  // The rows the list holds when the export was written: every customer, the risk manager seeing the whole bank.
  assert.equal(lines.length - 1, done.rowsWritten);
  assert.equal(done.rowsWritten, done.totalRows);
  // Another user's download of it is refused like a missing one.
  const other = await send("GET", `${b}${done.downloadUrl}`, { cookie: adminCookies.get(b) });
  assert.equal(other.status, 404);
});

test(
  "an upload committed as a job through instance A is executed by a worker and followed through B",
  { skip },
  async () => {
    const [a, b] = topology.web.map((w) => w.url);
    const csv =
      "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count\n" +
      "ZZ0201,后台入库测试客户有限公司,制造业,浙江,small,A,E1001,50,1.2,3.0,1000000,0\n";
    const uploaded = await send(
      "POST",
      `${a}/api/uploads?name=customers-job.csv`,
      { cookie: adminCookies.get(a), origin: a, "content-type": "application/octet-stream" },
      Buffer.from(csv),
    );
    assert.equal(uploaded.status, 201, uploaded.text);
    const { fileId } = JSON.parse(uploaded.text);
    const queued = await trpc(a, "upload.commitInBackground", { fileId, kind: "customers" }, "POST", adminCookies);
    const done = await until("the import job finished, read through B", RUN_DEADLINE_MS, async () => {
      const job = await trpc(b, "upload.importJob", { jobId: queued.id }, "GET", adminCookies);
      return job.status === "succeeded" || job.status === "failed" ? job : undefined;
    });
    assert.equal(done.status, "succeeded", JSON.stringify(done.failure));
    assert.equal(done.report.status, "committed");
    const [row] = await sql`select worker from import_jobs where id = ${queued.id}`;
    const workerPids = topology.workers.map((w) => String(w.pid));
    assert.ok(
      workerPids.includes(row.worker.split("@")[0]),
      `executed by a worker (${row.worker}), not a web instance`,
    );
  },
);

test(
  "SIGKILL of the worker mid-run ends with the run failed with its reason, and the next run succeeds",
  { skip },
  async () => {
    const [a, b] = topology.web.map((w) => w.url);
    const queued = await startRunThrough(a, "2025");
    const executing = await until("a worker claims the run", RUN_DEADLINE_MS, async () => {
      const [row] = await sql`select worker, status::text as status from segment_runs where id = ${queued.id}`;
      return row.status === "running" && row.worker ? row.worker : undefined;
    });
    const victim = topology.workers.find((w) => String(w.pid) === executing.split("@")[0]);
    assert.ok(victim, `the run's worker ${executing} is one of ours`);
    victim.kill("SIGKILL");
    const ended = await waitForEnd(b, queued.id);
    assert.equal(ended.status, "failed");
    assert.match(ended.error, /worker process .* stopped before the run finished/);
    topology.workers[topology.workers.indexOf(victim)] = topology.startWorker("worker-restarted");
    const next = await startRunThrough(b, "2025");
    const finished = await waitForEnd(a, next.id);
    assert.equal(finished.status, "succeeded", finished.error ?? "");
  },
);

test("two runs of different periods run at once on two workers", { skip }, async () => {
  const [a, b] = topology.web.map((w) => w.url);
  const ids = (await sql`select customer_id from customers where customer_id like 'C%' order by 1 limit 3000`).map(
    (r) => r.customer_id,
  );
  runCli(["import", writeLoansFile(ids, "2024"), "--kind", "loans", "--period", "2024"], topology.env);
  const first = await startRunThrough(a, "2025");
  const second = await startRunThrough(b, "2024");
  const both = await until("both runs running at once", RUN_DEADLINE_MS, async () => {
    const rows =
      await sql`select status::text as status, worker from segment_runs where id in (${first.id}, ${second.id})`;
    return rows.every((r) => r.status === "running") ? rows : undefined;
  });
  assert.notEqual(both[0].worker, both[1].worker, "on two different workers");
  for (const [url, run] of [
    [b, first],
    [a, second],
  ])
    assert.equal((await waitForEnd(url, run.id)).status, "succeeded");
});
