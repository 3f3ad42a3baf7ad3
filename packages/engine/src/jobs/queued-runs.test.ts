import { createDb, readDbEnv, type DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createThrowawayPostgres, describeEachDb, migratedPostgresTemplate, testDbKinds } from "@creditseg/db/testing";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors/engine-error";
import { cancelRun } from "../runs/cancel-run";
import { executeQueuedRun } from "../runs/execute-queued-run";
import { queueRun } from "../runs/queue-run";
import { getRun } from "../runs/run-queries";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { createInProcessQueue } from "./in-process-queue";
import { jobSubjectOf } from "./job-queue";
import { createPostgresQueue, migrateJobQueue, startJobWorker } from "./postgres-queue";

describeEachDb("queued runs with the in-process runner", (kind) => {
  it("executes a queued run after its transaction commits, once, with its progress on the row", async () => {
    const handle = await createSeededWorld(kind, 150);
    try {
      const queue = createInProcessQueue(handle);
      const queued = await queueRun(handle, queue, { actor: ACTORS.risk, period: TEST_PERIOD });
      await queue.idle();
      const done = await getRun(handle, { runId: queued.id });
      expect([done.status, done.stage, done.progressPct, done.isCurrent]).toEqual(["succeeded", "done", 100, true]);
      // The job delivered again (a queue's retry) finds nothing to claim.
      expect(await executeQueuedRun(handle, queued.id)).toBeNull();
    } finally {
      await handle.close();
    }
  });

  it("lets a risk manager cancel a queued run: failed, naming who, never executed, the period free again", async () => {
    const handle = await createSeededWorld(kind, 150);
    try {
      // A queue that is never told the transaction committed: the run stays queued until cancelled.
      const held = { ...createInProcessQueue(handle), committed: () => {} };
      const queued = await queueRun(handle, held, { actor: ACTORS.risk, period: TEST_PERIOD });
      await expect(cancelRun(handle, { actor: ACTORS.officer, runId: queued.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const cancelled = await cancelRun(handle, { actor: ACTORS.risk2, runId: queued.id });
      expect([cancelled.status, cancelled.cancelledBy, cancelled.error, cancelled.failure]).toEqual([
        "failed",
        "demo-risk2",
        "Cancelled.",
        { code: "cancelled", params: {} },
      ]);
      expect(await executeQueuedRun(handle, queued.id)).toBeNull();
      await expect(cancelRun(handle, { actor: ACTORS.risk, runId: queued.id })).rejects.toThrow(/already failed/);
      const queue = createInProcessQueue(handle);
      const next = await queueRun(handle, queue, { actor: ACTORS.risk, period: TEST_PERIOD });
      await queue.idle();
      expect((await getRun(handle, { runId: next.id })).status).toBe("succeeded");
    } finally {
      await handle.close();
    }
  });

  it("recovers runs a stopped process left queued and unclaimed", async () => {
    const handle = await createSeededWorld(kind, 150);
    try {
      const held = { ...createInProcessQueue(handle), committed: () => {} };
      const queued = await queueRun(handle, held, { actor: ACTORS.risk, period: TEST_PERIOD });
      const restarted = createInProcessQueue(handle);
      await restarted.recover();
      await restarted.idle();
      expect((await getRun(handle, { runId: queued.id })).status).toBe("succeeded");
    } finally {
      await handle.close();
    }
  });
});

const serverUrl = readDbEnv().TEST_DATABASE_URL;
describe.runIf(testDbKinds().includes("postgres") && serverUrl)("queued runs on the PostgreSQL queue", () => {
  async function withQueueDb(work: (handle: DbHandle, url: string) => Promise<void>) {
    const database = await createThrowawayPostgres(
      serverUrl!,
      "creditseg_jobs",
      await migratedPostgresTemplate(serverUrl!),
    );
    const handle = await createDb({ url: database.url, maxConnections: 4 });
    try {
      await migrateJobQueue(database.url);
      await seedDemoWorld(handle, { customers: 150, period: TEST_PERIOD, seed: 7 });
      await work(handle, database.url);
    } finally {
      await handle.close();
      await database.drop();
    }
  }

  it("commits the job with the run row, and a worker executes it and exits when idle", async () => {
    await withQueueDb(async (handle, url) => {
      const queued = await queueRun(handle, createPostgresQueue(), { actor: ACTORS.risk, period: TEST_PERIOD });
      const [job] = await handle.raw<{ task: string; key: string }>(
        "select task_identifier as task, key from graphile_worker.jobs",
      );
      expect(job).toEqual({ task: "creditseg.segment_run", key: `segment_run:{"runId":${queued.id}}` });
      const events: string[] = [];
      const worker = await startJobWorker(handle, {
        connectionString: url,
        concurrency: 2,
        exitWhenIdle: true,
        onEvent: (e) => events.push(`${e.type}:${jobSubjectOf(e.job)}`),
      });
      await worker.done;
      expect(events).toEqual([`start:${queued.id}`, `end:${queued.id}`]);
      const run = await getRun(handle, { runId: queued.id });
      expect([run.status, run.progressPct]).toEqual(["succeeded", 100]);
      expect(run.worker).toMatch(new RegExp(`^${process.pid}@`));
      const [left] = await handle.raw<{ n: number }>("select count(*)::int as n from graphile_worker.jobs");
      expect(left?.n).toBe(0);
    });
  });

  it("adds no job when the run is refused (one active run per period)", async () => {
    await withQueueDb(async (handle) => {
      const queue = createPostgresQueue();
      await queueRun(handle, queue, { actor: ACTORS.risk, period: TEST_PERIOD });
      const refused = await queueRun(handle, queue, { actor: ACTORS.risk, period: TEST_PERIOD }).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(EngineError);
      expect((refused as EngineError).code).toBe("RUN_ALREADY_ACTIVE");
      const [jobs] = await handle.raw<{ n: number }>("select count(*)::int as n from graphile_worker.jobs");
      expect(jobs?.n).toBe(1);
    });
  });
});
