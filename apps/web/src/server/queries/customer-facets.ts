import type { Db } from "@creditseg/db";
import { schema } from "@creditseg/db";
import { asc, count, desc, eq } from "drizzle-orm";
import type { CustomerScope } from "../api/trpc";
import { createMemo } from "./memo-cache";

const c = schema.customers;

/** One value a filter can take and how many of the caller's customers have it. */
export type FacetValue = { value: string; customers: number };

/** The values the customer list's industry, region and officer filters offer, within the caller's scope. */
export type CustomerFacets = { industries: FacetValue[]; regions: FacetValue[]; officers: FacetValue[] };

/** Values per facet at most: a bank has tens of industries and regions, and an unbounded list helps nobody. */
const MAX_VALUES = 300;

/** Master data changes only by upload: a minute's staleness is fine, and a page view then costs no group-by. */
const TTL_MS = 60_000;
const memo = createMemo<CustomerFacets>({ limit: 500 });

async function countBy(
  db: Db,
  column: typeof c.industry | typeof c.region | typeof c.officer,
  scope: CustomerScope,
): Promise<FacetValue[]> {
  const customers = count();
  const rows = await db
    .select({ value: column, customers })
    .from(c)
    .where(scope.kind === "officer" ? eq(c.officer, scope.officerCode) : undefined)
    .groupBy(column)
    .orderBy(desc(customers), asc(column))
    .limit(MAX_VALUES);
  return rows.map((row) => ({ value: String(row.value), customers: Number(row.customers) }));
}

/** Industries, regions and (for callers who see every customer) officers, most customers first. */
export function readCustomerFacets(db: Db, scope: CustomerScope): Promise<CustomerFacets> {
  const key = scope.kind === "officer" ? `officer:${scope.officerCode}` : "all";
  return memo(db, key, TTL_MS, async () => {
    const [industries, regions, officers] = await Promise.all([
      countBy(db, c.industry, scope),
      countBy(db, c.region, scope),
      scope.kind === "all" ? countBy(db, c.officer, scope) : Promise.resolve([]),
    ]);
    return { industries, regions, officers };
  });
}
