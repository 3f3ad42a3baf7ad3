import { CLASSIFICATIONS, type Classification } from "@creditseg/core/constants";

/** The loan list's filters as they travel in the URL (`?run=7&cluster=2&class=substandard`). */
export type LoanFilters = { runId?: number; cluster?: number; classifications: Classification[] };

type ParamsLike = { getAll(name: string): string[]; get(name: string): string | null };

function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/** Reads the filters from the URL; unknown values are dropped rather than failing the page. */
export function parseLoanFilters(params: ParamsLike): LoanFilters {
  const runId = Number(params.get("run")) || undefined;
  const clusterParam = params.get("cluster");
  const cluster =
    clusterParam !== null && clusterParam !== "" && Number.isInteger(Number(clusterParam))
      ? Number(clusterParam)
      : undefined;
  return { runId, cluster, classifications: params.getAll("class").filter(isClassification) };
}

/** The segment.clusters input the list reads its cluster names (and, without `?run=`, its run) from. */
export function loanClustersInput(filters: LoanFilters) {
  return filters.runId ? { runId: filters.runId } : {};
}

/**
 * The loan.list input of the URL's filters, one page of 100: a cluster is a cluster of a run, the URL's or else
 * the current one (`effectiveRunId`). Shared by the page's server prefetch and the view, so both ask the same.
 */
export function loanListInput(filters: LoanFilters, effectiveRunId: number | undefined) {
  return {
    ...(filters.cluster !== undefined && effectiveRunId ? { cluster: filters.cluster, runId: effectiveRunId } : {}),
    ...(filters.classifications.length ? { classifications: filters.classifications } : {}),
    limit: 100,
  };
}
