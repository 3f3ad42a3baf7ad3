import type { RawQuery } from "@creditseg/db";

/** Work done outside the request that asked for it. The row it names (a run) holds its state and progress. */
export type Job = { kind: "segment_run"; runId: number };

export const JOB_KINDS = ["segment_run"] as const satisfies readonly Job["kind"][];

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
