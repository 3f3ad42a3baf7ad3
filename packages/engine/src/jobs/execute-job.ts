import type { DbHandle } from "@creditseg/db";
import { executeExportJob } from "../export/customer-export-jobs";
import { executeImportJob } from "../imports/import-jobs";
import { executePolicyPreview } from "../policies/preview-jobs";
import { executeQueuedRun } from "../runs/execute-queued-run";
import type { Job } from "./job-queue";

/** Executes one job in this process, whichever queue delivered it. Safe to call twice: the row's claim decides. */
export async function executeJob(handle: DbHandle, job: Job): Promise<void> {
  switch (job.kind) {
    case "segment_run":
      await executeQueuedRun(handle, job.runId);
      return;
    case "import_commit":
      await executeImportJob(handle, job.jobId);
      return;
    case "customer_export":
      await executeExportJob(handle, job.jobId);
      return;
    case "policy_preview":
      await executePolicyPreview(handle, job.previewId);
      return;
  }
}
