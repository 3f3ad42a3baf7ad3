import type { DbHandle } from "@creditseg/db";
import type { CodedFailure } from "../errors/coded-failure";
import { inTransaction } from "../transaction";
import type { Job, JobQueue } from "./job-queue";
import { toJsonText } from "../json";
import { DEFAULT_STALE_AFTER_MINUTES } from "../runs/mark-dead-runs";
import { abandonedFailure, checkWorkerOf, currentWorker } from "../runs/worker";

/**
 * The tables of jobs whose row is their state (queued → running under a worker → succeeded or failed): an import's
 * commit, a customer export and a policy impact preview. Each has `id` and the columns of `jobStateColumns`
 * (`status`, `worker`, `heartbeat_at`, `failure`, `error`, `created_at`, `started_at`, `finished_at`).
 */
export type JobTable = "import_jobs" | "export_jobs" | "policy_previews";

/** How often a claimed job's row is told its worker is alive, milliseconds (judged stale after 15 minutes). */
const HEARTBEAT_EVERY_MS = 30_000;

/** Jobs of each table executing in this process (globalThis: a bundler may load this module twice in one process). */
const globalJobs = globalThis as typeof globalThis & { __creditsegActiveJobRows?: Map<JobTable, Set<string>> };
const activeRows = (globalJobs.__creditsegActiveJobRows ??= new Map<JobTable, Set<string>>());
const activeOf = (table: JobTable) => {
  let ids = activeRows.get(table);
  if (!ids) activeRows.set(table, (ids = new Set()));
  return ids;
};

/**
 * Claims a queued job row for this process and runs `execute` while it is registered as executing here: the claim is
 * a state transition (queued, no worker → running under this process), so a job delivered twice, or to two workers,
 * executes once; the other gets false. A failure `execute` throws is recorded on the row by `failureOf`, with the
 * exception's message as the operators' detail; `cleanUp` then removes what the job half-wrote. Never rejects.
 */
export async function executeClaimedJob(
  handle: DbHandle,
  table: JobTable,
  id: string,
  work: {
    execute: () => Promise<void>;
    failureOf: (error: unknown) => CodedFailure<string>;
    cleanUp?: () => Promise<void>;
  },
): Promise<boolean> {
  const active = activeOf(table);
  active.add(id);
  try {
    const [claimed] = await handle.raw<{ id: string }>(
      `update ${table} set status = 'running', worker = $2, started_at = now(), heartbeat_at = now()
        where id = $1 and status = 'queued' and worker is null returning id`,
      [id, currentWorker()],
    );
    if (!claimed) return false;
    // The heartbeat another host judges this worker by, whatever the job reports as progress (a preview reports none).
    const heartbeat = setInterval(() => {
      void handle
        .raw(`update ${table} set heartbeat_at = now() where id = $1 and status = 'running'`, [id])
        .catch(() => {});
    }, HEARTBEAT_EVERY_MS);
    heartbeat.unref();
    await work
      .execute()
      .finally(() => clearInterval(heartbeat))
      .catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        await work.cleanUp?.().catch(() => {});
        await handle
          .raw(
            `update ${table} set status = 'failed', failure = $2::text::jsonb, error = $3, finished_at = now() where id = $1 and status = 'running'`,
            [id, toJsonText(work.failureOf(error)), message.slice(0, 2_000)],
          )
          .catch(() => {});
      });
    return true;
  } finally {
    active.delete(id);
  }
}

/**
 * Marks failed every running job of `table` whose worker is gone (its process no longer exists on this host, or on
 * another host its heartbeat is `staleAfterMinutes` old), as `markDeadRuns` does for runs. `detail` is the operators'
 * note of what the dead job left (nothing: its transaction died with it). Returns the ids marked.
 */
export async function markAbandonedJobRows(
  handle: DbHandle,
  table: JobTable,
  args: { detail: (code: string) => string; staleAfterMinutes?: number },
): Promise<string[]> {
  const staleAfter = args.staleAfterMinutes ?? DEFAULT_STALE_AFTER_MINUTES;
  const candidates = await handle.raw<{ id: string; worker: string | null; is_stale: boolean }>(
    `select id, worker, coalesce(heartbeat_at, created_at) < now() - make_interval(mins => $1) as is_stale
       from ${table} where status = 'running'`,
    [staleAfter],
  );
  const active = activeOf(table);
  const marked: string[] = [];
  for (const job of candidates) {
    const worker = checkWorkerOf(job.worker, () => active.has(job.id));
    if (worker === "alive" || (worker !== "dead" && !job.is_stale)) continue;
    const failure = abandonedFailure(job.worker, worker === "dead", staleAfter);
    const rows = await handle.raw(
      `update ${table} set status = 'failed', failure = $2::text::jsonb, error = $3, finished_at = now() where id = $1 and status = 'running' returning id`,
      [job.id, toJsonText(failure), args.detail(failure.code)],
    );
    if (rows.length > 0) marked.push(job.id);
  }
  return marked;
}

/** The ids of a table's jobs queued and never claimed, oldest first (the in-process runner's recovery). */
export async function listUnclaimedJobIds(handle: DbHandle, table: JobTable): Promise<string[]> {
  const rows = await handle.raw<{ id: string }>(
    `select id from ${table} where status = 'queued' and worker is null order by created_at`,
  );
  return rows.map((row) => row.id);
}

/**
 * Records a job row (`insert`, an `insert … returning id` statement) and, in the same transaction, the queue's job
 * that executes it (`jobOf` its id): the job exists exactly when its row was committed. Tells the queue once
 * committed (the in-process runner starts it then); answers the row's id.
 */
export async function recordJob(
  handle: DbHandle,
  queue: JobQueue,
  args: { insert: string; params: unknown[]; jobOf: (id: string) => Job },
): Promise<string> {
  const id = await inTransaction(handle, async (raw) => {
    const [row] = await raw<{ id: string }>(args.insert, args.params);
    await queue.add(raw, args.jobOf(row!.id));
    return row!.id;
  });
  queue.committed();
  return id;
}
