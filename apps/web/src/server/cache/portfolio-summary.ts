import { scopeKeyOf, type CustomerScope, type DbHandle, type ResolvedRun } from "@creditseg/db";
import { readRunSummary, type PortfolioSummary } from "@creditseg/engine";
import { createMemo } from "./memo-cache";

const memoSummary = createMemo<PortfolioSummary>({ limit: 500 });

/**
 * Portfolio figures of a finished run for the caller's scope, as the run stored them (`readRunSummary`: the
 * bank-wide ones when the run finished, an officer's on the first request anywhere). A finished run's figures never
 * change, so each (run, scope) is read once per process (concurrent first requests share the read) and then served
 * from memory.
 */
export function readPortfolioSummaryCached(
  handle: DbHandle,
  run: ResolvedRun,
  scope: CustomerScope,
): Promise<PortfolioSummary> {
  const key = `${run.id}:${scopeKeyOf(scope)}`;
  return memoSummary(handle.db, key, Number.POSITIVE_INFINITY, () => readRunSummary(handle, { run, scope }));
}
