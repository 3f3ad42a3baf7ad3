import type { PreviousRun } from "@creditseg/core";
import type { RawQuery } from "@creditseg/db";

/**
 * The run a new run of `period` compares with: the period's current run, else the current run of the latest earlier
 * period. Null for the first run.
 */
export async function findPreviousRunId(raw: RawQuery, period: string): Promise<number | null> {
  const [row] = await raw<{ id: number }>(
    `select id from segment_runs where is_current and period <= $1 order by (period = $1) desc, period desc limit 1`,
    [period],
  );
  return row?.id ?? null;
}

/** What the pipeline needs from a previous run: EFFECTIVE tiers and grades per customer (what users read), project-group counts, cluster centroids. */
export async function readPreviousRun(raw: RawQuery, runId: number): Promise<PreviousRun> {
  const customers = await raw<{ customerId: string; tier: string; grade: string }>(
    `select customer_id as "customerId", effective_tier as tier, effective_grade::text as grade from segment_results where run_id = $1 order by customer_id`,
    [runId],
  );
  const groups = await raw<{ key: string; signal_count: number; project_count: number }>(
    `select group_key as key, (profile->>'signalCount')::int as signal_count, project_count from project_groups where run_id = $1 order by group_key`,
    [runId],
  );
  const clusters = await raw<{ centroid_raw: number[] }>(
    `select centroid_raw from clusters where run_id = $1 order by cluster_no`,
    [runId],
  );
  return {
    customers,
    projectGroups: groups.map((g) => ({ key: g.key, signalCount: g.signal_count, projectCount: g.project_count })),
    clusterCentroidsRaw: clusters.length > 0 ? clusters.map((c) => c.centroid_raw) : undefined,
  };
}
