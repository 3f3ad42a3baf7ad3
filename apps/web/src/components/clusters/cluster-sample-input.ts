/** Loans drawn per cluster for the scatter: enough to see the shape, cheap to draw. */
const SAMPLE_PER_CLUSTER = 150;

/** The loan.sample input of one cluster's scatter points, shared by the page's server prefetch and the view. */
export function clusterSampleInput(runId: number, clusterNo: number) {
  return { runId, cluster: clusterNo, size: SAMPLE_PER_CLUSTER };
}
