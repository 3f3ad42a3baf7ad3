import type { CustomerScope, Db, ResolvedRun } from "@creditseg/db";
import { readPortfolioSummary, type PortfolioSummary } from "@creditseg/engine";
import { createMemo } from "./memo-cache";

const memoSummary = createMemo<PortfolioSummary>({ limit: 500 });

/**
 * Portfolio figures of a finished run for the caller's scope. A finished run's stored results never change, so
 * each (run, scope) is computed once per process (concurrent first requests share the computation) and then
 * served from memory.
 */
export function readPortfolioSummaryCached(db: Db, run: ResolvedRun, scope: CustomerScope): Promise<PortfolioSummary> {
  const key = `${run.id}:${scope === "all" ? "all" : `o:${scope.officer}`}`;
  return memoSummary(db, key, Number.POSITIVE_INFINITY, () => readPortfolioSummary(db, { run, scope }));
}
