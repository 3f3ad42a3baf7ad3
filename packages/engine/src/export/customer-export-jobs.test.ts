import { createDb, listCustomers, readDbEnv, resolveRun, type DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createThrowawayPostgres, describeEachDb, migratedPostgresTemplate, testDbKinds } from "@creditseg/db/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createInProcessQueue } from "../jobs/in-process-queue";
import { createPostgresQueue, migrateJobQueue, startJobWorker } from "../jobs/postgres-queue";
import { startRun } from "../runs/start-run";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { EXPORT_HEADERS } from "./customer-export-format";
import {
  executeExportJob,
  markDeadExportJobs,
  openCustomerExportFile,
  queueCustomerExport,
  readCustomerExport,
  type CustomerExportRequest,
} from "./customer-export-jobs";

const BY_CONTRIBUTION = { sort: "contribution", direction: "desc" } as const;

/** The file of a finished export, as its owner downloads it. */
async function download(
  handle: DbHandle,
  actor: { id: string; role: "admin" | "risk_manager" | "credit_officer" },
  jobId: string,
) {
  const file = await openCustomerExportFile(handle, { actor, jobId });
  if (!file) throw new Error("no file");
  const pieces: Uint8Array[] = [];
  for await (const piece of file.bytes) pieces.push(piece);
  return { ...file, body: Buffer.concat(pieces) };
}

/** A CSV export's lines as records by header (the byte-order mark and CRLF line ends removed). */
function csvRecords(body: Buffer): Record<string, string>[] {
  const [header, ...lines] = body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const columns = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i]!, cell])));
}

describeEachDb("customer exports as jobs with the in-process runner", (kind) => {
  it("writes the list's rows in its order and scope, for its owner alone, CSV and XLSX alike", async () => {
    const handle = await createSeededWorld(kind, 120);
    try {
      await (
        await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })
      ).completion;
      const queue = createInProcessQueue(handle);
      const request: CustomerExportRequest = { ...BY_CONTRIBUTION, format: "csv", grades: ["AAA", "AA"] };
      const queued = await queueCustomerExport(handle, queue, {
        actor: ACTORS.officer,
        scope: { officer: "O001" },
        request,
      });
      expect(["queued", "running"]).toContain(queued.status);
      await queue.idle();
      const done = await readCustomerExport(handle, { actor: ACTORS.officer, jobId: queued.id });
      expect(done).toMatchObject({
        status: "succeeded",
        failure: null,
        fileName: expect.stringMatching(/^customers-run\d+-2025\.csv$/),
      });
      // The very rows the list screen pages through, in the officer's scope, in its order.
      const listed = await listCustomers(handle.db, {
        run: await resolveRun(handle.db, {}),
        scope: { officer: "O001" },
        filter: { grades: ["AAA", "AA"] },
        ...BY_CONTRIBUTION,
        limit: 1_000,
        after: null,
      });
      expect(listed.length).toBeGreaterThan(0);
      const file = await download(handle, ACTORS.officer, queued.id);
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      expect(file.body.byteLength).toBe(done!.size);
      const records = csvRecords(file.body);
      expect(records.map((r) => r.customer_id)).toEqual(listed.map((r) => r.customerId));
      expect(new Set(records.map((r) => r.officer))).toEqual(new Set(["O001"]));
      expect([done!.rowsWritten, done!.totalRows]).toEqual([listed.length, listed.length]);
      // Another user — another officer, or an admin — reads no such export and downloads nothing.
      expect(await readCustomerExport(handle, { actor: ACTORS.officer2, jobId: queued.id })).toBeNull();
      expect(await openCustomerExportFile(handle, { actor: ACTORS.admin, jobId: queued.id })).toBeNull();
      // A second delivery of the job claims nothing.
      expect(await executeExportJob(handle, queued.id)).toBeNull();

      const xlsx = await queueCustomerExport(handle, queue, {
        actor: ACTORS.officer,
        scope: { officer: "O001" },
        request: { ...request, format: "xlsx" },
      });
      await queue.idle();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(handle, ACTORS.officer, xlsx.id)).body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("customers")!;
      const ids: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) ids.push(row.getCell(1).text);
      });
      expect(ids).toEqual(listed.map((r) => r.customerId));
      expect(sheet.getRow(1).getCell(EXPORT_HEADERS.length).value).toBe(EXPORT_HEADERS.at(-1));
    } finally {
      await handle.close();
    }
  });

  it("refuses what the caller may not ask, and fails a selection refused when it executes with its reason", async () => {
    const handle = await createSeededWorld(kind, 40);
    try {
      const queue = createInProcessQueue(handle);
      await expect(
        queueCustomerExport(handle, queue, {
          actor: ACTORS.risk,
          scope: "all",
          request: { ...BY_CONTRIBUTION, format: "csv", runId: 999 },
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      // An officer may not open a draft policy's impact: refused when the job resolves the selection.
      const refused = await queueCustomerExport(handle, queue, {
        actor: ACTORS.officer,
        scope: { officer: "O001" },
        request: { ...BY_CONTRIBUTION, format: "csv", draft: { version: 1, period: TEST_PERIOD, dimension: "tier" } },
      });
      await queue.idle();
      const failed = await readCustomerExport(handle, { actor: ACTORS.officer, jobId: refused.id });
      expect(failed).toMatchObject({
        status: "failed",
        failure: { code: "selection_refused", params: { reason: "FORBIDDEN" } },
      });
      expect(await openCustomerExportFile(handle, { actor: ACTORS.officer, jobId: refused.id })).toBeNull();
      const [chunks] = await handle.raw<{ n: number }>("select count(*)::int as n from export_job_chunks");
      expect(chunks!.n).toBe(0);
      // With no run yet the master list is exported.
      const master = await queueCustomerExport(handle, queue, {
        actor: ACTORS.admin,
        scope: "all",
        request: { ...BY_CONTRIBUTION, format: "csv", sort: "customerId", direction: "asc" },
      });
      await queue.idle();
      const records = csvRecords((await download(handle, ACTORS.admin, master.id)).body);
      expect(records).toHaveLength(40);
      expect((await readCustomerExport(handle, { actor: ACTORS.admin, jobId: master.id }))!.fileName).toBe(
        "customers-master.csv",
      );
    } finally {
      await handle.close();
    }
  });

  it("marks an export whose worker died failed with its reason, its partial file removed", async () => {
    const handle = await createSeededWorld(kind, 20);
    try {
      const held = { ...createInProcessQueue(handle), committed: () => {} };
      const queued = await queueCustomerExport(handle, held, {
        actor: ACTORS.admin,
        scope: "all",
        request: { ...BY_CONTRIBUTION, format: "csv" },
      });
      // As a worker that claimed it, wrote a chunk and was killed: pid 1 on this host is not a worker of ours.
      await handle.raw("update export_jobs set status = 'running', worker = $2 where id = $1", [
        queued.id,
        `999999999@${(await import("node:os")).hostname()}`,
      ]);
      await handle.raw("insert into export_job_chunks (job_id, seq, bytes) values ($1, 0, '\\x00')", [queued.id]);
      expect(await markDeadExportJobs(handle)).toEqual([queued.id]);
      expect(await readCustomerExport(handle, { actor: ACTORS.admin, jobId: queued.id })).toMatchObject({
        status: "failed",
        failure: { code: "worker_stopped" },
      });
      const [chunks] = await handle.raw<{ n: number }>("select count(*)::int as n from export_job_chunks");
      expect(chunks!.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

const serverUrl = readDbEnv().TEST_DATABASE_URL;
describe.runIf(testDbKinds().includes("postgres") && serverUrl)("customer exports on the PostgreSQL queue", () => {
  it("is queued with its row, written by a worker, and downloaded from the database", async () => {
    const database = await createThrowawayPostgres(
      serverUrl!,
      "creditseg_jobs",
      await migratedPostgresTemplate(serverUrl!),
    );
    const handle = await createDb({ url: database.url, maxConnections: 4 });
    try {
      await migrateJobQueue(database.url);
      await seedDemoWorld(handle, { customers: 60, period: TEST_PERIOD, seed: 7 });
      const queued = await queueCustomerExport(handle, createPostgresQueue(), {
        actor: ACTORS.risk,
        scope: "all",
        request: { ...BY_CONTRIBUTION, format: "csv" },
      });
      const [job] = await handle.raw<{ task: string }>("select task_identifier as task from graphile_worker.jobs");
      expect(job?.task).toBe("creditseg.customer_export");
      const worker = await startJobWorker(handle, {
        connectionString: database.url,
        concurrency: 1,
        exitWhenIdle: true,
      });
      await worker.done;
      expect(await readCustomerExport(handle, { actor: ACTORS.risk, jobId: queued.id })).toMatchObject({
        status: "succeeded",
        rowsWritten: 60,
      });
      expect(csvRecords((await download(handle, ACTORS.risk, queued.id)).body)).toHaveLength(60);
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});
