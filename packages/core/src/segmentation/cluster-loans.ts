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
import { fenToYuanNumber } from "../money/fen";

/** A loan's value for a clustering feature in raw units: rate in annual %, amount in CNY, term in months. */
export function readLoanFeature(
  loan: Pick<LoanRecord, "ratePct" | "amountFen" | "termMonths">,
  feature: string,
): number {
  switch (feature) {
    case "rate":
      return Number(loan.ratePct);
    case "amount":
      return fenToYuanNumber(loan.amountFen);
    case "term_months":
      return loan.termMonths;
    default:
      throw new ClusteringInputError(`unknown loan feature "${feature}"`);
  }
}

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
  const unclustered = (reason: string): LoanClusterOutcome => ({
    result: null,
    skippedReason: reason,
    loanClusters: new Int32Array(loans.length).fill(-1),
  });
  if (loans.length === 0) return unclustered("no loans to cluster");
  const dims = settings.features.length;
  // Row-major typed array: a million loans would otherwise mean a million small arrays.
  const rows = new Float64Array(loans.length * dims);
  const weights = new Float64Array(loans.length);
  loans.forEach((loan, i) => {
    settings.features.forEach((feature, f) => (rows[i * dims + f] = readLoanFeature(loan, feature)));
    weights[i] = fenToYuanNumber(loan.avgDailyBalanceFen);
  });
  try {
    const result = yield* stepClusterPoints({ rows, features: settings.features, settings, weights });
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
