import {
  countCustomers,
  countCustomersBy,
  isCountOnMaster,
  type CustomerFilter,
  type CustomerScope,
  type Db,
  type FacetValue,
  type ResolvedRun,
} from "@creditseg/db";
import { createMemo } from "./memo-cache";

/** How long a count is reused, ms: a run's results never change; the customer master changes with uploads. */
const MASTER_COUNT_TTL_MS = 30_000;
const memoCount = createMemo<number>({ limit: 2_000 });

/** Forgets cached counts: the customer master changed in this process (an upload was committed or rolled back). */
export function forgetCustomerCounts(): void {
  memoCount.clear();
}

const scopeKey = (scope: CustomerScope) => (scope === "all" ? null : scope.officer);

/**
 * How many customers the filter matches within the caller's scope. Counting 100,000 rows on every page view is
 * the list's heaviest work, so a count is computed once per (run, scope, filter) and shared by concurrent callers:
 * for good when it reads only the run's stored results, for half a minute when it reads the customer master; a
 * filter on an id set is not cached.
 */
export function countCustomersCached(
  db: Db,
  args: { run: ResolvedRun | null; scope: CustomerScope; filter: CustomerFilter },
): Promise<number> {
  const { run, scope, filter } = args;
  // An id set is the engine's answer for one figure (a migration cell, a draft's changes): counted as it is.
  if (filter.customerIds) return countCustomers(db, args);
  const key = JSON.stringify([
    run?.id ?? null,
    scopeKey(scope),
    filter.officer ?? null,
    filter.tiers ?? null,
    filter.grades ?? null,
    filter.clusters ?? null,
    filter.customerGroups ?? null,
    filter.industries ?? null,
    filter.regions ?? null,
    filter.search ?? null,
  ]);
  const ttl = isCountOnMaster(run, filter) ? MASTER_COUNT_TTL_MS : Number.POSITIVE_INFINITY;
  return memoCount(db, key, ttl, () => countCustomers(db, args));
}

/** The values the customer list's industry, region and officer filters offer, within the caller's scope. */
export type CustomerFacets = { industries: FacetValue[]; regions: FacetValue[]; officers: FacetValue[] };

/** Master data changes only by upload: a minute's staleness is fine, and a page view then costs no group-by. */
const FACETS_TTL_MS = 60_000;
const memoFacets = createMemo<CustomerFacets>({ limit: 500 });

/** Industries, regions and (for callers who see every customer) officers, most customers first. */
export function readCustomerFacets(db: Db, scope: CustomerScope): Promise<CustomerFacets> {
  return memoFacets(db, `facets:${scopeKey(scope) ?? "all"}`, FACETS_TTL_MS, async () => {
    const [industries, regions, officers] = await Promise.all([
      countCustomersBy(db, { facet: "industry", scope }),
      countCustomersBy(db, { facet: "region", scope }),
      scope === "all" ? countCustomersBy(db, { facet: "officer", scope }) : Promise.resolve([]),
    ]);
    return { industries, regions, officers };
  });
}
