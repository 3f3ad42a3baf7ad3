import {
  buildTransitionMatrix,
  labelsOf,
  matchClustersByCentroid,
  parsePolicy,
  selectTransitionCustomers,
  type ClusterMatch,
  type FittedTransform,
  type Migration,
  type TransitionMatrix,
  type TransitionSelection,
} from "@creditseg/core";
import { GRADES } from "@creditseg/core/constants";
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

/** Each dimension of two runs as customer id → label (clusters relabelled by centroid match), with row/column order. */
type RunLabellings = {
  from: RunFacts;
  to: RunFacts;
  clusterMatches: ClusterMatch[];
  dimensions: Record<
    MigrationDimension,
    { before: Map<string, string>; after: Map<string, string>; order: readonly string[] }
  >;
};

/** The dimensions a migration is measured in: effective tier, effective grade, centroid-matched cluster. */
export type MigrationDimension = "tier" | "grade" | "cluster";

/** Cluster label of a customer without loans (no benefit cluster) in the cluster matrix. */
export const NO_CLUSTER_LABEL = "none";

async function readRunLabellings(
  handle: DbHandle,
  args: { fromRunId: number; toRunId: number; officerCode?: string },
): Promise<RunLabellings> {
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
    cluster === null ? NO_CLUSTER_LABEL : isBefore ? (relabel.get(cluster) ?? `unmatched:${cluster}`) : String(cluster);
  return {
    from,
    to,
    clusterMatches,
    dimensions: {
      tier: { before: labelsOf(before, "tier"), after: labelsOf(after, "tier"), order: tierOrder },
      grade: { before: labelsOf(before, "grade"), after: labelsOf(after, "grade"), order: GRADES },
      cluster: {
        before: new Map(before.map((c) => [c.customerId, clusterLabel(c.cluster, true)])),
        after: new Map(after.map((c) => [c.customerId, clusterLabel(c.cluster, false)])),
        order: [...toCentroids.map((_, j) => String(j)), NO_CLUSTER_LABEL],
      },
    },
  };
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
  const { from, to, clusterMatches, dimensions } = await readRunLabellings(handle, args);
  const matrixOf = (dimension: MigrationDimension) =>
    buildTransitionMatrix(dimensions[dimension].before, dimensions[dimension].after, dimensions[dimension].order);
  return {
    fromRunId: from.id,
    toRunId: to.id,
    tiers: matrixOf("tier"),
    grades: matrixOf("grade"),
    clusterMatches,
    clusters: matrixOf("cluster"),
  };
}

/**
 * The customers behind cells of `compareRuns`' matrix in one dimension (labels as the matrix has them: a cluster is
 * its number in the later run, `none` or `unmatched:<n>`), in customer-id order: the list a migration cell opens.
 */
export async function listMigratedCustomerIds(
  handle: DbHandle,
  args: {
    fromRunId: number;
    toRunId: number;
    officerCode?: string;
    dimension: MigrationDimension;
    selection: TransitionSelection;
  },
): Promise<string[]> {
  const { dimensions } = await readRunLabellings(handle, args);
  const { before, after } = dimensions[args.dimension];
  return selectTransitionCustomers(before, after, args.selection);
}
