import type { DbHandle } from "@creditseg/db";
import { Logger, run, runMigrations, type Runner, type Task } from "graphile-worker";
import { markDeadExportJobs } from "../export/customer-export-jobs";
import { markDeadImportJobs } from "../imports/import-jobs";
import { markDeadPolicyPreviews } from "../policies/preview-jobs";
import { markDeadRuns } from "../runs/mark-dead-runs";
import { executeJob } from "./execute-job";
import { JOB_KINDS, type Job, type JobQueue } from "./job-queue";

/** graphile-worker's task name of each job kind (its own namespace in the shared `graphile_worker` schema). */
const taskOf = (kind: Job["kind"]) => `creditseg.${kind}`;
const TASKS = JOB_KINDS.map(taskOf);

/**
 * A job's delivery attempts. Executing a job is safe to repeat (the run row's claim lets one worker in), so a job whose
 * handler failed before the claim — the database was unreachable — is tried again; a worker killed while executing a
 * run does not wait for the queue's 4-hour lock expiry: its run row is marked failed by the dead-run check.
 */
const MAX_ATTEMPTS = 3;

/** Installs or upgrades the queue's own schema (`graphile_worker`); `creditseg db migrate` runs it on PostgreSQL. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

/** Drops the queue's schema and every job in it (`creditseg db reset`: the runs its jobs named are gone). */
export async function dropJobQueue(handle: DbHandle): Promise<void> {
  await handle.raw("drop schema if exists graphile_worker cascade");
}

/**
 * The PostgreSQL job queue: `add` calls graphile-worker's `add_job` inside the caller's transaction, so the job and the
 * run row commit together and the queue's NOTIFY wakes a worker at commit. This process executes nothing.
 */
export function createPostgresQueue(): JobQueue {
  return {
    kind: "postgres",
    add: async (raw, job) => {
      const { kind, ...payload } = job;
      await raw("select graphile_worker.add_job($1, $2::text::json, max_attempts => $3, job_key => $4)", [
        taskOf(kind),
        JSON.stringify(payload),
        MAX_ATTEMPTS,
        `${kind}:${JSON.stringify(payload)}`,
      ]);
    },
    committed: () => {},
  };
}

export type WorkerOptions = {
  /** The database both the queue and the handle are on. */
  connectionString: string;
  /** Jobs executed at once by this process (each run loads its period into memory: size by RAM). */
  concurrency: number;
  /** Stop once no job is waiting and none is executing here. */
  exitWhenIdle?: boolean;
  /** Connections graphile-worker's own pool may open (defaults to concurrency + 2). */
  maxPoolSize?: number;
  /** Told when a job starts and ends (no customer data: the job kind and run id). */
  onEvent?: (event: { type: "start" | "end"; job: Job }) => void;
};

export type JobWorker = { stop: () => Promise<void>; done: Promise<void> };

/**
 * Runs a worker: takes jobs from the PostgreSQL queue and executes them with `handle`. Marks dead workers' runs
 * failed when it starts and every minute, so a run whose worker was killed ends failed with its reason even when no
 * one lists runs. `stop()` takes no new jobs and waits for those executing.
 */
export async function startJobWorker(handle: DbHandle, options: WorkerOptions): Promise<JobWorker> {
  await markDeadJobs(handle);
  let executing = 0;
  const task =
    (kind: Job["kind"]): Task =>
    async (payload) => {
      const job = { kind, ...(payload as object) } as Job;
      executing++;
      options.onEvent?.({ type: "start", job });
      try {
        await executeJob(handle, job);
      } finally {
        executing--;
        options.onEvent?.({ type: "end", job });
      }
    };
  const runner: Runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    maxPoolSize: options.maxPoolSize ?? options.concurrency + 2,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: quietLogger(),
    taskList: Object.fromEntries(JOB_KINDS.map((kind) => [taskOf(kind), task(kind)])),
  });
  const sweep = setInterval(() => void markDeadJobs(handle).catch(() => {}), 60_000);
  sweep.unref();
  let idleCheck: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(sweep);
      clearInterval(idleCheck);
      await runner.stop();
    })());
  if (options.exitWhenIdle) {
    let isChecking = false;
    idleCheck = setInterval(() => {
      if (isChecking || executing > 0) return;
      isChecking = true;
      void countWaitingJobs(handle)
        .then((waiting) => {
          if (waiting === 0 && executing === 0) void stop();
        })
        .catch(() => {})
        .finally(() => (isChecking = false));
    }, 500);
  }
  return { stop, done: runner.promise.finally(() => clearInterval(sweep)) };
}

/**
 * Marks failed every run, import, export and preview whose worker is gone, each by its own rule; one kind's failure
 * does not keep the others from being checked, and the first is thrown once all were.
 */
async function markDeadJobs(handle: DbHandle): Promise<void> {
  const checks = [markDeadRuns, markDeadImportJobs, markDeadExportJobs, markDeadPolicyPreviews];
  const failed = (await Promise.allSettled(checks.map((check) => check(handle)))).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Jobs of ours waiting for a worker (now or after a retry's delay); one locked by a killed worker is not waiting. */
async function countWaitingJobs(handle: DbHandle): Promise<number> {
  const [row] = await handle.raw<{ n: number }>(
    "select count(*)::int as n from graphile_worker.jobs where task_identifier = any($1::text[]) and locked_at is null and attempts < max_attempts",
    [TASKS],
  );
  return row?.n ?? 0;
}

function quietLogger() {
  // graphile-worker's own logger at warnings and errors; its info lines name every job.
  return new Logger(() => (level, message) => {
    const name: string = level; // LogLevel is an ambient const enum of strings
    if (name === "error" || name === "warning") console.error(`[jobs] ${name}: ${message}`);
  });
}
