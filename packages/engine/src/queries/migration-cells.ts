import type { TransitionMatrix } from "@creditseg/core";
import type { CustomerScope, DbHandle } from "@creditseg/db";
import { compareRuns, NO_CLUSTER_LABEL, type MigrationDimension } from "../history/compare-runs";

export type { MigrationDimension };
/** Customers in both runs who were in `from` then and are in `to` now; a customer without loans has cluster null. */
export type MigrationCell = { from: string | null; to: string | null; customers: number };

function toCells(matrix: TransitionMatrix): MigrationCell[] {
  const cells: MigrationCell[] = [];
  const label = (text: string) => (text === NO_CLUSTER_LABEL ? null : text);
  matrix.counts.forEach((row, i) =>
    row.forEach((customers, j) => {
      if (customers > 0) cells.push({ from: label(matrix.labels[i]!), to: label(matrix.labels[j]!), customers });
    }),
  );
  return cells;
}

/**
 * One dimension of the engine's migration between two finished runs, as non-empty cells, in the caller's scope.
 * Clusters are matched by centroid (an earlier cluster reads as the later cluster it matched, or `unmatched:<n>`).
 */
export async function readMigrationCells(
  handle: DbHandle,
  args: { fromRunId: number; toRunId: number; dimension: MigrationDimension; scope: CustomerScope },
): Promise<MigrationCell[]> {
  const comparison = await compareRuns(handle, {
    fromRunId: args.fromRunId,
    toRunId: args.toRunId,
    officerCode: args.scope === "all" ? undefined : args.scope.officer,
  });
  const matrix =
    args.dimension === "tier" ? comparison.tiers : args.dimension === "grade" ? comparison.grades : comparison.clusters;
  return toCells(matrix);
}
