import type { DbHandle } from "@creditseg/db";
import { writeAudit } from "../audit/write-audit";
import { inTransaction } from "../transaction";
import { toJsonText } from "../json";
import { abandonedFailure, checkWorker } from "./worker";

/** A run on another host whose heartbeat is older than this is taken as dead (long CPU stages beat rarely). */
export const DEFAULT_STALE_AFTER_MINUTES = 15;

/**
 * Marks failed every queued or running run whose worker is gone: its process no longer exists on this host, or it
 * runs on another host and its heartbeat is older than `staleAfterMinutes`. The previous current run stays current: a run only becomes
 * current in the transaction that stores its results. A queued run no worker has claimed yet waits in the job queue,
 * however long: it is not dead (a risk manager may cancel it). Returns the ids marked.
 */
export async function markDeadRuns(handle: DbHandle, options: { staleAfterMinutes?: number } = {}): Promise<number[]> {
  const staleAfter = options.staleAfterMinutes ?? DEFAULT_STALE_AFTER_MINUTES;
  const candidates = await handle.raw<{ id: number; worker: string | null; is_stale: boolean }>(
    `select id, worker, coalesce(heartbeat_at, created_at) < now() - make_interval(mins => $1) as is_stale
       from segment_runs where status = 'running' or (status = 'queued' and worker is not null)`,
    [staleAfter],
  );
  const marked: number[] = [];
  for (const run of candidates) {
    // A live worker on this host is trusted whatever its heartbeat: a long clustering stage blocks the beat.
    const worker = checkWorker(run.worker, run.id);
    const isDead = worker === "dead";
    if (worker === "alive" || (!isDead && !run.is_stale)) continue;
    const reason = isDead
      ? `the worker process (${run.worker}) stopped before the run finished`
      : `no heartbeat for over ${staleAfter} minutes`;
    const failure = abandonedFailure(run.worker, isDead, staleAfter);
    const isMarked = await inTransaction(handle, async (raw) => {
      const rows = await raw(
        "update segment_runs set status = 'failed', error = $2, failure = $3::text::jsonb, finished_at = now() where id = $1 and status in ('queued', 'running') returning id",
        [run.id, `Run abandoned: ${reason}.`, toJsonText(failure)],
      );
      if (rows.length > 0)
        await writeAudit(raw, {
          actor: null,
          action: "run.failed",
          entityType: "segment_run",
          entityId: run.id,
          detail: { reason: isDead ? "worker_dead" : "heartbeat_stale" },
        });
      return rows.length > 0;
    });
    if (isMarked) marked.push(run.id);
  }
  return marked;
}
