import type { DbHandle } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import type { CodedFailure } from "../errors/coded-failure";
import { EngineError, type EngineErrorCode } from "../errors/engine-error";
import { executeClaimedJob, markAbandonedJobRows, recordJob } from "../jobs/job-rows";
import type { JobQueue } from "../jobs/job-queue";
import { reviveFen, toJsonText } from "../json";
import { readActivePolicyVersion, readPolicyVersion } from "./policy-queries";
import { previewPolicyImpact, type PolicyImpact } from "./preview-impact";

/** Previews are kept this long for the page that asked, then removed by the next request, milliseconds. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Why a preview failed: the engine refused it when it executed (`reason`: its error code — the period has no data,
 * the version or the active policy is gone), the executing process stopped or went silent, or an unexpected error.
 */
export const PREVIEW_FAILURE_CODES = [
  "preview_refused",
  "worker_stopped",
  "heartbeat_lost",
  "unexpected_error",
] as const;
export type PreviewFailure = CodedFailure<(typeof PREVIEW_FAILURE_CODES)[number]>;

export type PolicyPreviewJob = {
  id: string;
  requestedBy: string;
  version: number;
  period: string;
  status: "queued" | "running" | "succeeded" | "failed";
  /** The impact once computed. */
  impact: PolicyImpact | null;
  failure: PreviewFailure | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const SELECT_PREVIEW = `select id, requested_by as "requestedBy", version, period, status, result, failure,
  created_at as "createdAt", finished_at as "finishedAt" from policy_previews`;

type PreviewRow = Omit<PolicyPreviewJob, "impact"> & { result: unknown };

/**
 * Asks for a version's impact preview on a period as a job (it prices the period under both policies: seconds to
 * minutes on a large book, so no web process computes it). A request the same user made for the same version and
 * period that is still queued or running is answered with that job, so a page opened twice computes once. Needs
 * `policy.write`; the version and an active policy must exist (NOT_FOUND, NO_ACTIVE_POLICY at once).
 */
export async function requestPolicyPreview(
  handle: DbHandle,
  queue: JobQueue,
  args: { actor: Actor; version: number; period: string },
): Promise<PolicyPreviewJob> {
  assertPermission(args.actor, "policy.write");
  await readPolicyVersion(handle.raw, args.version);
  if (!(await readActivePolicyVersion(handle.raw)))
    throw new EngineError("NO_ACTIVE_POLICY", "No policy is active yet: there is nothing to compare the preview with.");
  await markDeadPolicyPreviews(handle);
  await handle.raw("delete from policy_previews where created_at < now() - make_interval(secs => $1)", [
    PREVIEW_TTL_MS / 1000,
  ]);
  const [pending] = await handle.raw<{ id: string }>(
    `select id from policy_previews where requested_by = $1 and version = $2 and period = $3
       and status in ('queued', 'running') order by created_at desc limit 1`,
    [args.actor.id, args.version, args.period],
  );
  if (pending) return (await readPreview(handle, pending.id))!;
  const id = await recordJob(handle, queue, {
    insert: `insert into policy_previews (requested_by, requested_role, version, period) values ($1, $2, $3, $4) returning id`,
    params: [args.actor.id, args.actor.role, args.version, args.period],
    jobOf: (previewId) => ({ kind: "policy_preview", previewId }),
  });
  return (await readPreview(handle, id))!;
}

/** One of the caller's previews, or null: another user's answers exactly like a missing one. */
export async function readPolicyPreview(
  handle: DbHandle,
  args: { actor: Actor; previewId: string },
): Promise<PolicyPreviewJob | null> {
  assertPermission(args.actor, "policy.write");
  await markDeadPolicyPreviews(handle);
  const job = await readPreview(handle, args.previewId);
  return job && job.requestedBy === args.actor.id ? job : null;
}

/**
 * Claims a queued preview and computes it with the engine's `previewPolicyImpact` as its requester (`executeClaimedJob`:
 * a preview delivered twice computes once). Never rejects: a failure is recorded with its reason.
 */
export async function executePolicyPreview(handle: DbHandle, previewId: string): Promise<PolicyPreviewJob | null> {
  const isClaimed = await executeClaimedJob(handle, "policy_previews", previewId, {
    execute: async () => {
      const [row] = await handle.raw<{ requestedBy: string; role: Actor["role"]; version: number; period: string }>(
        `select requested_by as "requestedBy", requested_role as role, version, period from policy_previews where id = $1`,
        [previewId],
      );
      const impact = await previewPolicyImpact(handle, {
        actor: { id: row!.requestedBy, role: row!.role },
        version: row!.version,
        period: row!.period,
      });
      await handle.raw(
        `update policy_previews set status = 'succeeded', result = $2::text::jsonb, finished_at = now() where id = $1 and status = 'running'`,
        [previewId, toJsonText(impact)],
      );
    },
    failureOf: (error): PreviewFailure =>
      error instanceof EngineError
        ? { code: "preview_refused", params: { reason: error.code } }
        : { code: "unexpected_error", params: {} },
  });
  return isClaimed ? await readPreview(handle, previewId) : null;
}

/** The engine error a refused preview stands for (the page shows it as it showed the synchronous preview's error). */
export function previewRefusalOf(failure: PreviewFailure): EngineError | null {
  if (failure.code !== "preview_refused") return null;
  return new EngineError(failure.params.reason as EngineErrorCode, "The preview was refused.");
}

/** Marks failed every running preview whose worker is gone (`markAbandonedJobRows`). Returns the ids marked. */
export function markDeadPolicyPreviews(
  handle: DbHandle,
  options: { staleAfterMinutes?: number } = {},
): Promise<string[]> {
  return markAbandonedJobRows(handle, "policy_previews", {
    ...options,
    detail: (code) => `Preview abandoned (${code}).`,
  });
}

async function readPreview(handle: DbHandle, id: string): Promise<PolicyPreviewJob | null> {
  const [row] = await handle.raw<PreviewRow>(`${SELECT_PREVIEW} where id = $1`, [id]);
  if (!row) return null;
  const { result, ...job } = row;
  return { ...job, impact: result ? reviveFen<PolicyImpact>(result) : null };
}
