/** Finished runs the tier migration looks through for the run before the one shown. */
export const MIGRATION_RUNS = { statuses: ["succeeded" as const], limit: 50 };

/** The dashboard's run: `?run=` when it names one, else the current run (an empty selector). */
export function readRunSelector(params: { get(name: string): string | null }): { runId?: number } {
  const runParam = Number(params.get("run"));
  return Number.isInteger(runParam) && runParam > 0 ? { runId: runParam } : {};
}

/** The run before `runId` among finished runs, newest first: the dashboard's migration compares with it. */
export function findPreviousRun<T extends { id: number }>(
  runs: readonly T[] | undefined,
  runId: number,
): T | undefined {
  return runs?.find((run) => run.id < runId);
}
