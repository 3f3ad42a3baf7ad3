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
import { currentDataVersion } from "./data-version";
import { createMemo } from "./memo-cache";

const memoCount = createMemo<number>({ limit: 2_000 });

const scopeKey = (scope: CustomerScope) => (scope === "all" ? null : scope.officer);

/**
 * How many customers the filter matches within the caller's scope. Counting 100,000 rows on every page view is
 * the list's heaviest work, so a count is computed once per (run, scope, filter) and shared by concurrent callers:
 * for good when it reads only the run's stored results; when it reads the customer master, until the data version
 * moves (any process's import, rollback or run commits), so every web instance sees a change on its next request;
 * not at all on a database this process does not watch (see data-version.ts).
 * A filter on an id set is not cached.
 */
export async function countCustomersCached(
  db: Db,
  args: { run: ResolvedRun | null; scope: CustomerScope; filter: CustomerFilter },
): Promise<number> {
  const { run, scope, filter } = args;
  // An id set is the engine's answer for one figure (a migration cell, a draft's changes): counted as it is.
  if (filter.customerIds) return countCustomers(db, args);
  const isOnMaster = isCountOnMaster(run, filter);
  const version = isOnMaster ? await currentDataVersion(db) : null;
  if (isOnMaster && version === null) return countCustomers(db, args);
  const key = JSON.stringify([
    version,
    run?.id ?? null,
    scopeKey(scope),
    filter.officer ?? null,
    filter.tiers ?? null,
    filter.grades ?? null,
    filter.clusters ?? null,
    filter.isWithoutCluster ?? null,
    filter.customerGroups ?? null,
    filter.industries ?? null,
    filter.regions ?? null,
    filter.search ?? null,
  ]);
  return memoCount(db, key, Number.POSITIVE_INFINITY, () => countCustomers(db, args));
}

/** The values the customer list's industry, region and officer filters offer, within the caller's scope. */
export type CustomerFacets = { industries: FacetValue[]; regions: FacetValue[]; officers: FacetValue[] };

const memoFacets = createMemo<CustomerFacets>({ limit: 500 });

/** Industries, regions and (for callers who see every customer) officers, most customers first; kept per data version. */
export async function readCustomerFacets(db: Db, scope: CustomerScope): Promise<CustomerFacets> {
  const read = async () => {
    const [industries, regions, officers] = await Promise.all([
      countCustomersBy(db, { facet: "industry", scope }),
      countCustomersBy(db, { facet: "region", scope }),
      scope === "all" ? countCustomersBy(db, { facet: "officer", scope }) : Promise.resolve([]),
    ]);
    return { industries, regions, officers };
  };
  const version = await currentDataVersion(db);
  if (version === null) return read();
  return memoFacets(db, `facets:${version}:${scopeKey(scope) ?? "all"}`, Number.POSITIVE_INFINITY, read);
}
