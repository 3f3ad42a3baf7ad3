import type { DbHandle } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import { writeAudit } from "../audit/write-audit";
import { EngineError } from "../errors/engine-error";
import { toJsonText } from "../json";
import { inTransaction } from "../transaction";
import type { RunFailure } from "./run-failure";

const CANCELLED: RunFailure = { code: "cancelled", params: {} };
import { readRun, type SegmentRunDetail } from "./run-queries";

/**
 * Cancels a queued or running run (`run.cancel`, risk manager): the row becomes failed at once, naming who cancelled
 * it, and the period is free for another run. A worker executing it stops at the latest when it writes its results
 * (that transaction only commits a run still running), so nothing of a cancelled run is ever kept.
 */
export async function cancelRun(handle: DbHandle, args: { actor: Actor; runId: number }): Promise<SegmentRunDetail> {
  assertPermission(args.actor, "run.cancel");
  const isCancelled = await inTransaction(handle, async (raw) => {
    const rows = await raw(
      `update segment_runs set status = 'failed', stage = 'failed', error = 'Cancelled.', failure = $3::text::jsonb, cancelled_by = $2, cancelled_at = now(), finished_at = now()
        where id = $1 and status in ('queued', 'running') returning id`,
      [args.runId, args.actor.id, toJsonText(CANCELLED)],
    );
    if (rows.length === 0) return false;
    await writeAudit(raw, {
      actor: args.actor,
      action: "run.cancelled",
      entityType: "segment_run",
      entityId: args.runId,
      detail: {},
    });
    return true;
  });
  const run = await readRun(handle.raw, args.runId); // NOT_FOUND for an unknown id
  if (!isCancelled)
    throw new EngineError(
      "CONFLICT",
      `Segment run ${args.runId} has already ${run.status}; only a queued or running run can be cancelled.`,
    );
  return run;
}
