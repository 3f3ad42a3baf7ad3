import type { DbHandle } from "@creditseg/db";
import type { Role } from "@creditseg/core/constants";
import type { Actor } from "../actor";
import type { Clock } from "../clock";
import { EngineError } from "../errors/engine-error";
import { readPolicyVersion } from "../policies/policy-queries";
import { validatePolicyDocument } from "../policies/policy-workflow";
import { executeRun, type RunOutcome, type RunProgress } from "./execute-run";
import { currentWorker, registerActiveRun } from "./worker";
import { toJsonText } from "../json";
import { runFailureOf } from "./run-failure";

export type ExecuteOptions = {
  /** Called on every stage and percent change (the database row is updated as well). */
  onProgress?: (progress: RunProgress) => void;
  /** Decides the run's as-of bank date (overrides in force, expiry); default now. */
  clock?: Clock;
};

/**
 * Executes a recorded run whose row names this process as its worker and which `registerActiveRun` registered (before
 * the row named this process, so no check in between takes it for dead): the policy version and seed come from the
 * row, the run is audited under the user who started it. Settles with the outcome, never rejects (a failure is on the
 * row); unregisters the run at the end.
 */
export async function executeRecordedRun(
  handle: DbHandle,
  runId: number,
  options: ExecuteOptions & { unregister: () => void },
): Promise<RunOutcome> {
  try {
    const [row] = await handle.raw<{
      period: string;
      policyVersion: number;
      seed: number;
      startedBy: string | null;
      role: Role | null;
    }>(
      `select r.period, r.policy_version as "policyVersion", r.seed, r.started_by as "startedBy", u.role::text as role
         from segment_runs r left join users u on u.id = r.started_by where r.id = $1`,
      [runId],
    );
    if (!row) throw new EngineError("NOT_FOUND", `Segment run ${runId} does not exist.`);
    const policy = validatePolicyDocument((await readPolicyVersion(handle.raw, row.policyVersion)).document);
    const actor: Actor = { id: row.startedBy ?? "system", role: row.role ?? "risk_manager" };
    return await executeRun(handle, {
      runId,
      period: row.period,
      policy: { ...policy, clustering: { ...policy.clustering, seed: row.seed } },
      policyVersion: row.policyVersion,
      actor,
      clock: options.clock,
      onProgress: options.onProgress,
    });
  } catch (error) {
    // Reading the row or its policy failed: record why, as any other failure of the run.
    const message = error instanceof Error ? error.message : String(error);
    await handle
      .raw(
        "update segment_runs set status = 'failed', stage = 'failed', error = $2, failure = $3::text::jsonb, finished_at = now() where id = $1 and status in ('queued', 'running')",
        [runId, message.slice(0, 2_000), toJsonText(runFailureOf(error))],
      )
      .catch(() => {});
    return { runId, status: "failed", error: message, timingsMs: {} };
  } finally {
    options.unregister();
  }
}

/**
 * Claims a queued run for this process and executes it. The claim is a state transition on the run row (a queued run
 * with no worker gets this one), so of two workers handed the same job only one executes it; the other, and a job
 * whose run was cancelled meanwhile, gets null and does nothing.
 */
export async function executeQueuedRun(
  handle: DbHandle,
  runId: number,
  options: ExecuteOptions = {},
): Promise<RunOutcome | null> {
  const unregister = registerActiveRun(runId);
  let claimed: unknown[];
  try {
    claimed = await handle.raw(
      "update segment_runs set worker = $2, heartbeat_at = now() where id = $1 and status = 'queued' and worker is null returning id",
      [runId, currentWorker()],
    );
  } catch (error) {
    unregister();
    throw error;
  }
  if (claimed.length === 0) {
    unregister();
    return null;
  }
  return executeRecordedRun(handle, runId, { ...options, unregister });
}
