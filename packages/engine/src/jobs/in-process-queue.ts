import type { DbHandle } from "@creditseg/db";
import { executeJob } from "./execute-job";
import type { Job, JobQueue } from "./job-queue";
import { listUnclaimedJobIds } from "./job-rows";

export type InProcessQueue = JobQueue & {
  /** Queues the runs, imports, exports and previews a previous process left queued and never claimed (it stopped before executing them). */
  recover(): Promise<void>;
  /** Settles when every job added so far has been executed (tests, and a graceful shutdown). */
  idle(): Promise<void>;
};

/**
 * The job queue of the embedded database: jobs execute in this process, one at a time (PGlite has one connection, and
 * the web requests share it), after the transaction that added them committed. A job added by a transaction that
 * then rolled back finds no queued run to claim and does nothing.
 */
export function createInProcessQueue(handle: DbHandle): InProcessQueue {
  const pending: Job[] = [];
  let draining: Promise<void> | null = null;
  const drain = async () => {
    for (let job = pending.shift(); job; job = pending.shift()) {
      // A job's failure is on its run row; one job's error must not stop the next.
      await executeJob(handle, job).catch(() => {});
    }
  };
  const committed = (): void => {
    draining ??= drain().finally(() => {
      draining = null;
      // A job added after the loop saw the list empty, before this callback ran.
      if (pending.length > 0) committed();
    });
  };
  return {
    kind: "in-process",
    add: (_raw, job) => {
      pending.push(job);
      return Promise.resolve();
    },
    committed,
    recover: async () => {
      const queued = await handle.raw<{ id: number }>(
        "select id from segment_runs where status = 'queued' and worker is null order by id",
      );
      pending.push(...queued.map((row) => ({ kind: "segment_run", runId: row.id }) as const));
      for (const jobId of await listUnclaimedJobIds(handle, "import_jobs"))
        pending.push({ kind: "import_commit", jobId });
      for (const jobId of await listUnclaimedJobIds(handle, "export_jobs"))
        pending.push({ kind: "customer_export", jobId });
      for (const previewId of await listUnclaimedJobIds(handle, "policy_previews"))
        pending.push({ kind: "policy_preview", previewId });
      committed();
    },
    idle: async () => {
      while (draining) await draining;
    },
  };
}
