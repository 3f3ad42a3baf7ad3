import { createDb, findPendingUpload, readDbEnv, writePendingUpload, type DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createThrowawayPostgres, describeEachDb, migratedPostgresTemplate, testDbKinds } from "@creditseg/db/testing";
import { describe, expect, it } from "vitest";
import { createInProcessQueue } from "../jobs/in-process-queue";
import { createPostgresQueue, migrateJobQueue, startJobWorker } from "../jobs/postgres-queue";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { executeImportJob, markDeadImportJobs, queueImportCommit, readImportJob } from "./import-jobs";

const HEADER =
  "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count";
const CUSTOMERS_CSV = `${HEADER}\nIJ0001,导入任务客户一有限公司,制造业,浙江,small,A,E1001,50,1.2,3.0,1000000,0\nIJ0002,导入任务客户二有限公司,批发零售,江苏,medium,BBB,E1002,60,1.1,2.0,2000000,0\n`;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The admin's upload of `csv`, as the web's upload route writes it. */
async function uploadOf(handle: DbHandle, csv: string): Promise<string> {
  const written = await writePendingUpload(handle.db, {
    ownerId: ACTORS.admin.id,
    name: "customers.csv",
    body: once(new TextEncoder().encode(csv)),
    maxBytes: 1_000_000,
    ttlMs: 60 * 60 * 1000,
  });
  if (!written.ok) throw new Error(written.reason);
  return written.upload.id;
}

const countOf = async (handle: DbHandle, sql: string) => (await handle.raw<{ n: number }>(sql))[0]!.n;

describeEachDb("import commits as jobs with the in-process runner", (kind) => {
  it("commits a queued upload once, after the queueing transaction, with the report, batch and audit on record", async () => {
    const handle = await createSeededWorld(kind, 30);
    try {
      const uploadId = await uploadOf(handle, CUSTOMERS_CSV);
      const queue = createInProcessQueue(handle);
      const before = await countOf(handle, "select count(*)::int as n from customers");
      await expect(
        queueImportCommit(handle, queue, { actor: ACTORS.risk, uploadId, kind: "customers", options: {} }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const queued = await queueImportCommit(handle, queue, {
        actor: ACTORS.admin,
        uploadId,
        kind: "customers",
        options: {},
      });
      await queue.idle();
      const done = await readImportJob(handle, queued.id);
      expect(done).toMatchObject({ failure: null, error: null, status: "succeeded", phase: "done" });
      expect(done!.report).toMatchObject({ status: "committed", totals: { rowsAccepted: 2 } });
      expect(done!.batchId).toEqual((done!.report as { batchId: string }).batchId);
      expect(done!.worker).toMatch(new RegExp(`^${process.pid}@`));
      expect(await countOf(handle, "select count(*)::int as n from customers")).toBe(before + 2);
      expect(await countOf(handle, "select count(*)::int as n from audit_log where action = 'import.commit'")).toBe(1);
      // The upload's bytes are gone, its report kept for the download; a second delivery claims nothing.
      expect(await findPendingUpload(handle.db, uploadId)).toMatchObject({ hasBytes: false, kind: "customers" });
      expect(await executeImportJob(handle, queued.id)).toBeNull();
      // Queuing the committed upload again is refused: its bytes are gone.
      await expect(
        queueImportCommit(handle, queue, { actor: ACTORS.admin, uploadId, kind: "customers", options: {} }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await handle.close();
    }
  });

  it("records the reason of a failed import, and a rejected file as a finished job with its report", async () => {
    const handle = await createSeededWorld(kind, 30);
    try {
      const queue = createInProcessQueue(handle);
      const rejected = await queueImportCommit(handle, queue, {
        actor: ACTORS.admin,
        uploadId: await uploadOf(handle, `${HEADER}\nIJ0003,=HYPERLINK(A1),制造业,浙江,small,A,E1001,50,1.2,3.0,1,0\n`),
        kind: "customers",
        options: {},
      });
      // A mapping name that does not exist: the ingest package refuses the commit, the job records why.
      const failing = await queueImportCommit(handle, queue, {
        actor: ACTORS.admin,
        uploadId: await uploadOf(handle, CUSTOMERS_CSV),
        kind: "customers",
        options: { mapping: "no-such-mapping" },
      });
      await queue.idle();
      const first = await readImportJob(handle, rejected.id);
      expect(first).toMatchObject({ error: null, status: "succeeded", batchId: null });
      expect(first!.report).toMatchObject({ status: "rejected" });
      const second = await readImportJob(handle, failing.id);
      expect(second!.status).toBe("failed");
      expect(second!.failure).toEqual({ code: "ingest_refused", params: { reason: "mapping_not_found" } });
      expect(second!.error).toMatch(/no-such-mapping/);
    } finally {
      await handle.close();
    }
  });

  it("marks failed a running job whose worker process is gone, naming it, and leaves a live one alone", async () => {
    const handle = await createSeededWorld(kind, 30);
    try {
      const held = { ...createInProcessQueue(handle), committed: () => {} };
      const job = await queueImportCommit(handle, held, {
        actor: ACTORS.admin,
        uploadId: await uploadOf(handle, CUSTOMERS_CSV),
        kind: "customers",
        options: {},
      });
      // As a worker killed mid-commit leaves it: running under a process that no longer exists on this host.
      await handle.raw("update import_jobs set status = 'running', worker = $2, heartbeat_at = now() where id = $1", [
        job.id,
        `999999999@${(await import("node:os")).hostname()}`,
      ]);
      expect(await markDeadImportJobs(handle)).toEqual([job.id]);
      const dead = await readImportJob(handle, job.id);
      expect(dead!.status).toBe("failed");
      expect(dead!.failure).toEqual({
        code: "worker_stopped",
        params: { worker: expect.stringMatching(/^999999999@/) },
      });
      expect(await executeImportJob(handle, job.id)).toBeNull();
      expect(await markDeadImportJobs(handle)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});

const serverUrl = readDbEnv().TEST_DATABASE_URL;
describe.runIf(testDbKinds().includes("postgres") && serverUrl)("import commits on the PostgreSQL queue", () => {
  it("are executed by a worker, not the process that queued them", async () => {
    const database = await createThrowawayPostgres(
      serverUrl!,
      "creditseg_import_jobs",
      await migratedPostgresTemplate(serverUrl!),
    );
    const handle = await createDb({ url: database.url, maxConnections: 4 });
    try {
      await migrateJobQueue(database.url);
      await seedDemoWorld(handle, { customers: 30, period: TEST_PERIOD, seed: 7 });
      const queued = await queueImportCommit(handle, createPostgresQueue(), {
        actor: ACTORS.admin,
        uploadId: await uploadOf(handle, CUSTOMERS_CSV),
        kind: "customers",
        options: {},
      });
      expect((await readImportJob(handle, queued.id))!.status).toBe("queued");
      const events: string[] = [];
      const worker = await startJobWorker(handle, {
        connectionString: database.url,
        concurrency: 1,
        exitWhenIdle: true,
        onEvent: (e) => events.push(`${e.type}:${e.job.kind}`),
      });
      await worker.done;
      expect(events).toEqual(["start:import_commit", "end:import_commit"]);
      expect(await readImportJob(handle, queued.id)).toMatchObject({ error: null, status: "succeeded" });
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});
