import {
  buildTransitionMatrix,
  compareSegmentations,
  matchClustersByCentroid,
  parsePolicy,
  type ClusterMatch,
  type FittedTransform,
  type Migration,
  type TransitionMatrix,
} from "@creditseg/core";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";
import { readPolicyVersion } from "../policies/policy-queries";

export type RunComparison = Migration & {
  fromRunId: number;
  toRunId: number;
  /** Clusters of the two runs paired by centroid (clusters carry no fixed numbers across runs). */
  clusterMatches: ClusterMatch[];
  /**
   * Customers' benefit segments, labelled by the later run's cluster numbers: an earlier cluster is relabelled as the
   * later cluster it matched, so the diagonal counts customers that stayed in "the same" cluster. An earlier cluster
   * without a match reads `unmatched:<n>`; a customer without loans reads `none`.
   */
  clusters: TransitionMatrix;
};

type RunFacts = { id: number; status: string; policy_version: number; transform: FittedTransform | null };

async function readFinishedRun(raw: RawQuery, runId: number): Promise<RunFacts> {
  const [run] = await raw<RunFacts>(
    "select id, status::text as status, policy_version, summary->'clustering'->'transform' as transform from segment_runs where id = $1",
    [runId],
  );
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${runId} does not exist.`);
  if (run.status !== "succeeded")
    throw new EngineError("CONFLICT", `Segment run ${runId} is ${run.status}; only finished runs can be compared.`);
  return run;
}

/** Each customer's EFFECTIVE tier and grade (overrides applied), as every list and count reads them. */
async function readResults(raw: RawQuery, runId: number, officerCode: string | undefined) {
  return raw<{ customerId: string; tier: string; grade: string; cluster: number | null }>(
    `select customer_id as "customerId", effective_tier as tier, effective_grade::text as grade, cluster from segment_results where run_id = $1 and ($2::text is null or officer = $2) order by customer_id`,
    [runId, officerCode ?? null],
  );
}

async function readCentroids(raw: RawQuery, runId: number): Promise<number[][]> {
  const rows = await raw<{ centroid_raw: number[] }>(
    "select centroid_raw from clusters where run_id = $1 order by cluster_no",
    [runId],
  );
  return rows.map((r) => r.centroid_raw);
}

/**
 * Migration between any two finished runs: effective tier, effective grade and centroid-matched cluster transition
 * matrices (customers in both runs; the rest counted as entered or left). The one migration function: the CLI, the
 * runs page and the dashboard call it. With `officerCode`, only that officer's customers (as assigned at run time).
 */
export async function compareRuns(
  handle: DbHandle,
  args: { fromRunId: number; toRunId: number; officerCode?: string },
): Promise<RunComparison> {
  const from = await readFinishedRun(handle.raw, args.fromRunId);
  const to = await readFinishedRun(handle.raw, args.toRunId);
  const [before, after, fromCentroids, toCentroids, policy] = await Promise.all([
    readResults(handle.raw, from.id, args.officerCode),
    readResults(handle.raw, to.id, args.officerCode),
    readCentroids(handle.raw, from.id),
    readCentroids(handle.raw, to.id),
    readPolicyVersion(handle.raw, to.policy_version),
  ]);
  const parsed = parsePolicy(policy.document);
  const tierOrder = parsed.ok ? parsed.policy.tiers.map((t) => t.name) : [];
  const clusterMatches = matchClustersByCentroid(fromCentroids, toCentroids, to.transform ?? undefined);
  const relabel = new Map(
    clusterMatches
      .filter((m) => m.previous !== null)
      .map((m) => [m.previous!, m.next === null ? `unmatched:${m.previous}` : String(m.next)]),
  );
  const clusterLabel = (cluster: number | null, isBefore: boolean) =>
    cluster === null ? "none" : isBefore ? (relabel.get(cluster) ?? `unmatched:${cluster}`) : String(cluster);
  const clusters = buildTransitionMatrix(
    new Map(before.map((c) => [c.customerId, clusterLabel(c.cluster, true)])),
    new Map(after.map((c) => [c.customerId, clusterLabel(c.cluster, false)])),
    [...toCentroids.map((_, j) => String(j)), "none"],
  );
  return {
    fromRunId: from.id,
    toRunId: to.id,
    ...compareSegmentations(before, after, tierOrder),
    clusterMatches,
    clusters,
  };
}
