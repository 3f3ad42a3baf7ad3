import type { RawQuery } from "@creditseg/db";

/** Work done outside the request that asked for it. The row it names (a run, an import, an export, a preview) holds its state and progress. */
export type Job =
  | { kind: "segment_run"; runId: number }
  | { kind: "import_commit"; jobId: string }
  | { kind: "customer_export"; jobId: string }
  | { kind: "policy_preview"; previewId: string };

export const JOB_KINDS = [
  "segment_run",
  "import_commit",
  "customer_export",
  "policy_preview",
] as const satisfies readonly Job["kind"][];

/** The id of the row a job names (a run's number, an import or export job's uuid), for logs and events. */
export function jobSubjectOf(job: Job): string {
  return job.kind === "segment_run" ? String(job.runId) : job.kind === "policy_preview" ? job.previewId : job.jobId;
}

/**
 * Where jobs go. Two implementations: the PostgreSQL queue (graphile-worker; `creditseg worker` processes execute the
 * jobs, the web app only enqueues) and the in-process runner for the embedded PGlite (one process may open it, so the
 * process that enqueues also executes).
 */
export interface JobQueue {
  readonly kind: "postgres" | "in-process";
  /**
   * Adds a job inside the caller's transaction (`raw` is that transaction's connection): the job exists exactly when
   * the row it names was committed.
   */
  add(raw: RawQuery, job: Job): Promise<void>;
  /** Called once the transaction that added jobs has committed (the in-process runner starts them then). */
  committed(): void;
}
