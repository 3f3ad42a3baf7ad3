import type { RunOutcome, StartedRun } from "@creditseg/engine";

/** Runs executing in this server process, by id: the request that started one returns at once and clients poll the row. */
const globalForRuns = globalThis as unknown as { creditsegBackgroundRuns?: Map<number, Promise<RunOutcome>> };
const inFlight = (globalForRuns.creditsegBackgroundRuns ??= new Map());

/**
 * Keeps a started run's completion referenced until it settles. The engine records success or failure (with the
 * reason) on the run row itself and its completion never rejects, so nothing here reports errors.
 */
export function trackBackgroundRun(started: StartedRun): void {
  const id = started.run.id;
  inFlight.set(
    id,
    started.completion.finally(() => inFlight.delete(id)),
  );
}

/** Waits until every run started by this process has finished (tests, and a graceful shutdown). */
export async function waitForBackgroundRuns(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
}
