/** The run list's query input (the newest 100 runs), shared by the page's server prefetch and the view so both ask
 * for the same query. */
export const RUN_LIST_INPUT = { limit: 100 };

/** The runs two can be compared between: the finished ones, newest first as the list has them. */
export function comparableRunIds(runs: readonly { id: number; status: string }[]): number[] {
  return runs.filter((run) => run.status === "succeeded").map((run) => run.id);
}

/** Until the user picks, the comparison is the run before the latest against the latest (`runIds` newest first). */
export function defaultComparison(runIds: readonly number[]): { from?: number; to?: number } {
  return { from: runIds[1] ?? runIds[0], to: runIds[0] };
}
