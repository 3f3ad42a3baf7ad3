import {
  ClusteringInputError,
  driveFits,
  matchClustersByCentroid,
  stepClusterPoints,
  type ClusterMatch,
  type ClusteringResult,
  type FitSteps,
} from "../clustering";
import type { ClusteringSettings } from "../clustering/settings";
import type { LoanRecord } from "../records";
import { toLoanColumns, type LoanColumns } from "./loan-columns";

export type LoanClusterOutcome = {
  result: ClusteringResult | null;
  skippedReason: string | null;
  loanClusters: Int32Array;
};

/**
 * Benefit segmentation (利益细分): k-means over the loans' product features (the seed clusters credit transactions),
 * weighted by average daily balance for each cluster's balance share. When the loans cannot be clustered
 * (none, or fewer distinct loans than k) every loan keeps cluster −1 and the reason is returned.
 */
export function clusterLoans(loans: readonly LoanRecord[], settings: ClusteringSettings): LoanClusterOutcome {
  return driveFits(stepClusterLoans(loans, settings));
}

/** `clusterLoans` as steps yielding each k-means fit (see `FitSteps`). */
export function* stepClusterLoans(
  loans: readonly LoanRecord[],
  settings: ClusteringSettings,
): FitSteps<LoanClusterOutcome> {
  return yield* stepClusterLoanColumns(
    toLoanColumns(loans, settings.features, () => 0),
    settings,
  );
}

/** `stepClusterLoans` over loan columns (features and weights already in typed arrays, see LoanColumns). */
export function* stepClusterLoanColumns(
  columns: LoanColumns,
  settings: ClusteringSettings,
): FitSteps<LoanClusterOutcome> {
  const unclustered = (reason: string): LoanClusterOutcome => ({
    result: null,
    skippedReason: reason,
    loanClusters: new Int32Array(columns.length).fill(-1),
  });
  if (columns.length === 0) return unclustered("no loans to cluster");
  try {
    const result = yield* stepClusterPoints({
      rows: columns.features,
      features: settings.features,
      settings,
      weights: columns.weights,
    });
    return { result, skippedReason: null, loanClusters: result.labels };
  } catch (error) {
    if (error instanceof ClusteringInputError) return unclustered(error.message);
    throw error;
  }
}

/** Matches the previous run's clusters (raw-unit centroids) to this run's by centroid, measured in this run's scaled space. */
export function matchLoanClusters(
  previousCentroidsRaw: readonly (readonly number[])[],
  current: ClusteringResult,
): ClusterMatch[] {
  return matchClustersByCentroid(previousCentroidsRaw, current.centroidsRaw, current.transform);
}
