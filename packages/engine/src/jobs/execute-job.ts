import type { DbHandle } from "@creditseg/db";
import { executeQueuedRun } from "../runs/execute-queued-run";
import type { Job } from "./job-queue";

/** Executes one job in this process, whichever queue delivered it. Safe to call twice: the run's claim decides. */
export async function executeJob(handle: DbHandle, job: Job): Promise<void> {
  switch (job.kind) {
    case "segment_run":
      await executeQueuedRun(handle, job.runId);
      return;
  }
}
