import type { Db } from "@creditseg/db";
import { schema } from "@creditseg/db";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { CustomerFilterInput, CustomerSortField } from "../api/schemas/customer";
import type { CustomerScope } from "../api/trpc";
import { decodeCursor, escapeLike, toPage } from "./cursor";
import { createMemo } from "./memo-cache";
import type { ResolvedRun } from "./resolve-run";

const c = schema.customers;
const r = schema.segmentResults;

/** One row of the customer list: master data plus the run's result (null fields when the customer is not in a run yet). */
export type CustomerListRow = {
  customerId: string;
  name: string;
  industry: string;
  region: string;
  size: (typeof c.$inferSelect)["size"];
  officer: string;
  creditRating: string | null;
  contributionFen: bigint | null;
  depositContributionFen: bigint | null;
  loanContributionFen: bigint | null;
  feeIncomeFen: bigint | null;
  loanBalanceFen: bigint | null;
  depositBalanceFen: bigint | null;
  classification: (typeof r.$inferSelect)["classification"] | null;
  tier: string | null;
  grade: (typeof r.$inferSelect)["grade"] | null;
  gradeScore: string | null;
  cluster: number | null;
  overrideTier: string | null;
  overrideGrade: (typeof r.$inferSelect)["grade"] | null;
};

export type ListCustomersArgs = {
  run: ResolvedRun | null;
  scope: CustomerScope;
  filter: CustomerFilterInput;
  sort: CustomerSortField;
  direction: "asc" | "desc";
  limit: number;
  cursor?: string | null;
};

/**
 * Sort expressions over the joined row; balances and contribution exist only with a run. With a run, ids come from
 * the results (equal to the master's through the join), so the order and the keyset condition follow the indexes
 * on segment_results — (run_id, contribution_fen) and the (run_id, customer_id) key — instead of sorting the join.
 * A list of every customer (`isOuter`) reads the master first: customers outside the run sort as the smallest
 * amount (last when descending).
 */
function sortExpression(
  sort: CustomerSortField,
  hasRun: boolean,
  isOuter: boolean,
): { expr: SQL; kind: "bigint" | "text"; id: SQL } {
  const id = hasRun && !isOuter ? sql`${r.customerId}` : sql`${c.customerId}`;
  const amount = (column: SQL) => (isOuter ? sql`coalesce(${column}, ${NOT_IN_RUN_SORT_VALUE}::bigint)` : column);
  if (hasRun && sort === "contribution") return { expr: amount(sql`${r.contributionFen}`), kind: "bigint", id };
  if (hasRun && sort === "loanBalance") return { expr: amount(sql`${r.loanBalanceFen}`), kind: "bigint", id };
  if (hasRun && sort === "depositBalance") return { expr: amount(sql`${r.depositBalanceFen}`), kind: "bigint", id };
  if (sort === "name") return { expr: sql`${c.name}`, kind: "text", id };
  return { expr: id, kind: "text", id };
}

/** The sort value of an amount a customer outside the run does not have: the smallest bigint. */
const NOT_IN_RUN_SORT_VALUE = -(2n ** 63n);

/**
 * Whether a read lists every customer in scope, those outside the run too (left join to the run's results):
 * with a run and no filter on its results. A filter on tier, grade or cluster can only match the run's rows.
 */
function isOuterRead(run: ResolvedRun | null, filter: CustomerFilterInput): boolean {
  return run !== null && !needsRun(filter);
}

/** Customers joined to the run's results: inner when only the run's rows can match, left to list everyone. */
function fromCustomersAndResults(db: Db, run: ResolvedRun, isOuter: boolean) {
  return isOuter
    ? db
        .select({ ...rowColumns, ...resultColumns })
        .from(c)
        .leftJoin(r, and(eq(r.runId, run.id), eq(r.customerId, c.customerId)))
    : db
        .select({ ...rowColumns, ...resultColumns })
        .from(r)
        .innerJoin(c, eq(c.customerId, r.customerId));
}

/** The WHERE of a customer read: the caller's officer scope first, then the filters. */
function buildWhere(run: ResolvedRun | null, scope: CustomerScope, filter: CustomerFilterInput): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // With a run, the officer recorded in the run decides scope, so counts match the run's aggregates; a customer
  // outside the run is in the book of its officer on the master.
  const isOuter = isOuterRead(run, filter);
  const officerColumn: SQL = isOuter
    ? sql`coalesce(${r.officer}, ${c.officer})`
    : run
      ? sql`${r.officer}`
      : sql`${c.officer}`;
  if (scope.kind === "officer") conditions.push(eq(officerColumn, scope.officerCode));
  else if (filter.officer) conditions.push(eq(officerColumn, filter.officer));
  if (run && !isOuter) {
    conditions.push(eq(r.runId, run.id));
    if (filter.tiers?.length) conditions.push(inArray(r.tier, filter.tiers));
    if (filter.grades?.length) conditions.push(inArray(r.grade, filter.grades));
    if (filter.clusters?.length) conditions.push(inArray(r.cluster, filter.clusters));
  }
  if (filter.industries?.length) conditions.push(inArray(c.industry, filter.industries));
  if (filter.regions?.length) conditions.push(inArray(c.region, filter.regions));
  if (filter.search) {
    const term = escapeLike(filter.search);
    conditions.push(or(ilike(c.customerId, `${term}%`), ilike(c.name, `%${term}%`)));
  }
  return and(...conditions);
}

/** Filters that need a run's results; without a run they match nothing. */
function needsRun(filter: CustomerFilterInput): boolean {
  return Boolean(filter.tiers?.length || filter.grades?.length || filter.clusters?.length);
}

const rowColumns = {
  customerId: c.customerId,
  name: c.name,
  industry: c.industry,
  region: c.region,
  size: c.size,
  officer: c.officer,
  creditRating: c.creditRating,
};
const resultColumns = {
  contributionFen: r.contributionFen,
  depositContributionFen: r.depositContributionFen,
  loanContributionFen: r.loanContributionFen,
  feeIncomeFen: r.feeIncomeFen,
  loanBalanceFen: r.loanBalanceFen,
  depositBalanceFen: r.depositBalanceFen,
  classification: r.classification,
  tier: r.tier,
  grade: r.grade,
  gradeScore: r.gradeScore,
  cluster: r.cluster,
  overrideTier: r.overrideTier,
  overrideGrade: r.overrideGrade,
};
const EMPTY_RESULT = {
  contributionFen: null,
  depositContributionFen: null,
  loanContributionFen: null,
  feeIncomeFen: null,
  loanBalanceFen: null,
  depositBalanceFen: null,
  classification: null,
  tier: null,
  grade: null,
  gradeScore: null,
  cluster: null,
  overrideTier: null,
  overrideGrade: null,
} as const;

/**
 * One page of customers, keyset-paginated on (sort value, customer id). With a run the rows are
 * the run's results joined to the customer master; without one, the master alone.
 */
export async function listCustomers(
  db: Db,
  args: ListCustomersArgs,
): Promise<{ items: CustomerListRow[]; nextCursor: string | null }> {
  const { run, scope, filter, limit } = args;
  if (!run && needsRun(filter)) return { items: [], nextCursor: null };
  const isOuter = isOuterRead(run, filter);
  const { expr, kind, id } = sortExpression(args.sort, run !== null, isOuter);
  const isDesc = args.direction === "desc";
  const conditions: (SQL | undefined)[] = [buildWhere(run, scope, filter)];
  if (args.cursor) {
    const cursor = decodeCursor(args.cursor);
    const value = kind === "bigint" ? sql`${BigInt(cursor.value ?? "0")}::bigint` : sql`${cursor.value ?? ""}`;
    conditions.push(
      isDesc ? sql`(${expr}, ${id}) < (${value}, ${cursor.id})` : sql`(${expr}, ${id}) > (${value}, ${cursor.id})`,
    );
  }
  const order = isDesc ? [desc(expr), desc(id)] : [asc(expr), asc(id)];
  const rows: CustomerListRow[] = run
    ? await fromCustomersAndResults(db, run, isOuter)
        .where(and(...conditions))
        .orderBy(...order)
        .limit(limit + 1)
    : (
        await db
          .select(rowColumns)
          .from(c)
          .where(and(...conditions))
          .orderBy(...order)
          .limit(limit + 1)
      ).map((row) => ({ ...row, ...EMPTY_RESULT }));
  return toPage(rows, limit, (row) => ({ value: cursorValue(row, args.sort, run !== null), id: row.customerId }));
}

function cursorValue(row: CustomerListRow, sort: CustomerSortField, hasRun: boolean): string | null {
  const amount = (fen: bigint | null) => String(fen ?? NOT_IN_RUN_SORT_VALUE);
  if (hasRun && sort === "contribution") return amount(row.contributionFen);
  if (hasRun && sort === "loanBalance") return amount(row.loanBalanceFen);
  if (hasRun && sort === "depositBalance") return amount(row.depositBalanceFen);
  if (sort === "name") return row.name;
  return row.customerId;
}

/** Filters on the customer master (not on the run's results): counting them needs the join to customers. */
function usesMaster(filter: CustomerFilterInput): boolean {
  return Boolean(filter.industries?.length || filter.regions?.length || filter.search);
}

/** How long a count is reused, ms: a run's results never change; the customer master changes with uploads. */
const MASTER_COUNT_TTL_MS = 30_000;
const memoCount = createMemo<number>({ limit: 2_000 });

/** Forgets cached counts: the customer master changed in this process (an upload was committed or rolled back). */
export function forgetCustomerCounts(): void {
  memoCount.clear();
}

/**
 * How many customers the filter matches within the caller's scope. Counting 100,000 rows on every page view is
 * the list's heaviest work, so a count is computed once per (run, scope, filter) and shared by concurrent callers:
 * for good when it reads only the run's stored results, for half a minute when it reads the customer master.
 */
export function countCustomers(
  db: Db,
  run: ResolvedRun | null,
  scope: CustomerScope,
  filter: CustomerFilterInput,
): Promise<number> {
  if (!run && needsRun(filter)) return Promise.resolve(0);
  const isOuter = isOuterRead(run, filter);
  const isMaster = !run || isOuter || usesMaster(filter);
  const key = JSON.stringify([
    run?.id ?? null,
    scope.kind === "officer" ? scope.officerCode : null,
    filter.officer ?? null,
    filter.tiers ?? null,
    filter.grades ?? null,
    filter.clusters ?? null,
    filter.industries ?? null,
    filter.regions ?? null,
    filter.search ?? null,
  ]);
  return memoCount(db, key, isMaster ? MASTER_COUNT_TTL_MS : Number.POSITIVE_INFINITY, async () => {
    const where = buildWhere(run, scope, filter);
    const [row] = !run
      ? await db.select({ n: count() }).from(c).where(where)
      : isOuter
        ? await db
            .select({ n: count() })
            .from(c)
            .leftJoin(r, and(eq(r.runId, run.id), eq(r.customerId, c.customerId)))
            .where(where)
        : isMaster
          ? await db.select({ n: count() }).from(r).innerJoin(c, eq(c.customerId, r.customerId)).where(where)
          : await db.select({ n: count() }).from(r).where(where);
    return Number(row?.n ?? 0);
  });
}
