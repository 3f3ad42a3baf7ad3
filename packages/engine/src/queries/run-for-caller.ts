import type { RunStatus } from "@creditseg/core/constants";
import { listRunRows, officerOf, type CustomerScope, type DbHandle, type RunListRow } from "@creditseg/db";
import { markDeadRuns } from "../runs/mark-dead-runs";
import { getRun, type SegmentRunDetail } from "../runs/run-queries";

/**
 * One run as a caller may read it. The whole bank gets the run with its inputs and stored summary. A credit
 * officer gets the run's status and progress and, of the summary, only how the clustering model was fitted
 * (features, k and its selection, convergence): the stored portfolio figures (customer counts, contribution, NPL,
 * concentration, migration) are the whole bank's, and an officer reads their own through the dashboard summary,
 * which is computed over their customers. The inputs (batch list and bank-wide record counts) are withheld too.
 */
export type RunForCaller = Omit<SegmentRunDetail, "inputs" | "summary"> & {
  inputs: SegmentRunDetail["inputs"] | null;
  summary: unknown;
};

function clusteringPart(summary: unknown): unknown {
  if (typeof summary !== "object" || summary === null || !("clustering" in summary)) return null;
  return { clustering: summary.clustering };
}

/** A run by id for a caller in `scope`, after marking dead workers' runs failed; NOT_FOUND when it does not exist. */
export async function readRunForCaller(
  handle: DbHandle,
  args: { runId: number; scope: CustomerScope },
): Promise<RunForCaller> {
  const run = await getRun(handle, { runId: args.runId });
  if (officerOf(args.scope) === null) return run;
  return { ...run, inputs: null, summary: clusteringPart(run.summary) };
}

/** A page of runs newest first (keyset on the id), after marking dead workers' runs failed so none shows running. */
export async function listRunsPage(
  handle: DbHandle,
  args: { period?: string; statuses?: readonly RunStatus[]; beforeId?: number; limit: number },
): Promise<RunListRow[]> {
  await markDeadRuns(handle);
  return listRunRows(handle.db, args);
}
