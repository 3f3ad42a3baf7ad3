import type { DbHandle } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import { writeAudit } from "../audit/write-audit";
import { readCodeVersion } from "../code-version";
import { EngineError, isUniqueViolation } from "../errors/engine-error";
import type { JobQueue } from "../jobs/job-queue";
import { readActivePolicyVersion, readPolicyVersion, type PolicyVersion } from "../policies/policy-queries";
import { validatePolicyDocument } from "../policies/policy-workflow";
import { inTransaction } from "../transaction";
import { periodStartOf } from "./ftp-curve-for-period";
import { markDeadRuns } from "./mark-dead-runs";
import { readRun, type SegmentRunDetail } from "./run-queries";

export type QueueRunArgs = {
  actor: Actor;
  /** The data period: "2025", "2025Q2" or "2025-06" (core's parsePeriod). */
  period: string;
  /** A policy version to apply (active or retired); default the active one. */
  policyVersion?: number;
  /** The clustering seed; default the policy's `clustering.seed`. */
  seed?: number;
};

async function resolvePolicy(handle: DbHandle, version: number | undefined): Promise<PolicyVersion> {
  if (version === undefined) {
    const active = await readActivePolicyVersion(handle.raw);
    if (!active)
      throw new EngineError("NO_ACTIVE_POLICY", "No policy is active yet; approve a policy version before running.");
    return active;
  }
  const named = await readPolicyVersion(handle.raw, version);
  if (named.status !== "active" && named.status !== "retired") {
    throw new EngineError(
      "CONFLICT",
      `Policy version ${version} is ${named.status}; a run applies an approved (active or retired) version. Preview a draft's impact instead.`,
    );
  }
  return named;
}

/**
 * Records a queued run of a period (refused with RUN_ALREADY_ACTIVE while another run of the period is queued or
 * running — the database's partial unique index decides, so two processes cannot both start one) and, in the same
 * transaction, the job that will execute it. `worker` names the process that executes it when that is known now
 * (`startRun`); a queued job's run gets its worker when one claims it. Needs `run.start` (risk manager).
 */
export async function recordQueuedRun(
  handle: DbHandle,
  args: QueueRunArgs,
  options: { worker: string | null; queue?: JobQueue; onRecorded?: (runId: number) => void },
): Promise<SegmentRunDetail> {
  assertPermission(args.actor, "run.start");
  periodStartOf(args.period); // refuses what core's parsePeriod does not accept, naming the code
  if (args.seed !== undefined && (!Number.isInteger(args.seed) || args.seed < 0 || args.seed > 2_147_483_647)) {
    throw new EngineError("INVALID_INPUT", `The seed must be a whole number from 0 to 2147483647, not ${args.seed}.`);
  }
  await markDeadRuns(handle);
  const policyVersion = await resolvePolicy(handle, args.policyVersion);
  const policy = validatePolicyDocument(policyVersion.document);
  const seed = args.seed ?? policy.clustering.seed;
  let runId: number;
  try {
    runId = await inTransaction(handle, async (raw) => {
      const [row] = await raw<{ id: number }>(
        `insert into segment_runs (period, policy_version, status, seed, code_version, stage, progress_pct, started_by, worker, heartbeat_at)
         values ($1, $2, 'queued', $3, $4, 'queued', 0, $5, $6, now()) returning id`,
        [args.period, policyVersion.version, seed, readCodeVersion(), args.actor.id, options.worker],
      );
      await writeAudit(raw, {
        actor: args.actor,
        action: "run.started",
        entityType: "segment_run",
        entityId: row!.id,
        detail: { period: args.period, policyVersion: policyVersion.version, seed },
      });
      await options.queue?.add(raw, { kind: "segment_run", runId: row!.id });
      // Before the commit makes the row visible: no check of this process's runs can see it unregistered.
      options.onRecorded?.(row!.id);
      return row!.id;
    });
  } catch (error) {
    if (!isUniqueViolation(error, "segment_runs_one_active_per_period_uq")) throw error;
    const [active] = await handle.raw<{ id: number; status: string }>(
      "select id, status::text as status from segment_runs where period = $1 and status in ('queued', 'running')",
      [args.period],
    );
    throw new EngineError(
      "RUN_ALREADY_ACTIVE",
      `A segment run for period ${args.period} is already ${active?.status ?? "running"}${active ? ` (run ${active.id})` : ""}; wait for it to finish before starting another.`,
      { runId: active?.id ?? null },
    );
  }
  options.queue?.committed();
  return readRun(handle.raw, runId);
}

/**
 * Queues a segment run: the run row and its job commit together and a worker executes it (on the embedded database,
 * this process). Returns the queued run at once; progress, success or failure are on its row.
 */
export function queueRun(handle: DbHandle, queue: JobQueue, args: QueueRunArgs): Promise<SegmentRunDetail> {
  return recordQueuedRun(handle, args, { worker: null, queue });
}
