import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { customerGroupMembers, customers, segmentResults } from "../schema";
import { inScope, officerOf, type CustomerScope } from "./customer-scope";
import { escapeLike, type KeysetCursor } from "./keyset";
import type { ResolvedRun } from "./segment-runs";

const c = customers;
const r = segmentResults;

export const CUSTOMER_SORT_FIELDS = ["contribution", "loanBalance", "depositBalance", "customerId", "name"] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

/**
 * Filters shared by the customer list, its count and its export. Tier and grade filter on the run's effective
 * segment (an approved override carried into the run, else the computed one), the value every screen shows.
 */
export type CustomerFilter = {
  tiers?: readonly string[];
  grades?: readonly (typeof r.$inferSelect)["grade"][];
  clusters?: readonly number[];
  /** Customers the run put in no benefit cluster (no loans), besides any `clusters`: the "no cluster" figures. */
  isWithoutCluster?: boolean;
  /** Customer groups (客户群体) of the run, by group number. */
  customerGroups?: readonly number[];
  industries?: readonly string[];
  regions?: readonly string[];
  /** Narrows a whole-bank scope to one officer's book; an officer's scope ignores it. */
  officer?: string;
  /** Matches the start of the customer id, or any part of the name. */
  search?: string;
  /**
   * Only these customers: the set behind a figure another query function computed (a migration cell, the customers a
   * draft policy would move), so the list holds exactly the customers the figure counts.
   */
  customerIds?: readonly string[];
};

type ResultRow = typeof r.$inferSelect;

/** A customer master row. */
export type CustomerRow = typeof c.$inferSelect;

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
  classification: ResultRow["classification"] | null;
  /** The segment the run computed. */
  tier: string | null;
  grade: ResultRow["grade"] | null;
  /** The segment in force in the run: the override carried into it, else the computed one. */
  effectiveTier: string | null;
  effectiveGrade: ResultRow["grade"] | null;
  gradeScore: string | null;
  cluster: number | null;
  overrideTier: string | null;
  overrideGrade: ResultRow["grade"] | null;
  overrideId: number | null;
};

export type ListCustomersArgs = {
  run: ResolvedRun | null;
  scope: CustomerScope;
  filter: CustomerFilter;
  sort: CustomerSortField;
  direction: "asc" | "desc";
  /** Rows to fetch (a page plus one, to know whether another page follows). */
  limit: number;
  after?: KeysetCursor | null;
};

/** What a sort orders by: a fen amount (bigint) for the money sorts over a run, else text. Cursors carry such a value. */
export function customerSortKind(sort: CustomerSortField, hasRun: boolean): "bigint" | "text" {
  return hasRun && (sort === "contribution" || sort === "loanBalance" || sort === "depositBalance") ? "bigint" : "text";
}

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
  const kind = customerSortKind(sort, hasRun);
  const amount = (column: SQL) => (isOuter ? sql`coalesce(${column}, ${NOT_IN_RUN_SORT_VALUE}::bigint)` : column);
  if (hasRun && sort === "contribution") return { expr: amount(sql`${r.contributionFen}`), kind, id };
  if (hasRun && sort === "loanBalance") return { expr: amount(sql`${r.loanBalanceFen}`), kind, id };
  if (hasRun && sort === "depositBalance") return { expr: amount(sql`${r.depositBalanceFen}`), kind, id };
  if (sort === "name") return { expr: sql`${c.name}`, kind, id };
  return { expr: id, kind, id };
}

/** The sort value of an amount a customer outside the run does not have: the smallest bigint. */
const NOT_IN_RUN_SORT_VALUE = -(2n ** 63n);

/**
 * Whether a read lists every customer in scope, those outside the run too (left join to the run's results):
 * with a run and no filter on its results. A filter on tier, grade or cluster can only match the run's rows.
 */
function isOuterRead(run: ResolvedRun | null, filter: CustomerFilter): boolean {
  return run !== null && !needsRun(filter);
}

/**
 * What a read joins: the run's results with their master rows, every customer (the master left-joined to the run's
 * results), or the master alone.
 */
type ReadShape = "results" | "everyone" | "master";

function shapeOf(run: ResolvedRun | null, filter: CustomerFilter): ReadShape {
  return !run ? "master" : isOuterRead(run, filter) ? "everyone" : "results";
}

/** The WHERE of a customer read: the caller's officer scope first, then the filters. */
function buildWhere(
  run: ResolvedRun | null,
  scope: CustomerScope,
  filter: CustomerFilter,
  shape: ReadShape = shapeOf(run, filter),
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // With a run, the officer recorded in the run decides scope, so counts match the run's aggregates; a customer
  // outside the run is in the book of its officer on the master.
  const officerColumn: SQL =
    shape === "everyone"
      ? sql`coalesce(${r.officer}, ${c.officer})`
      : shape === "results"
        ? sql`${r.officer}`
        : sql`${c.officer}`;
  const officer = officerOf(scope) ?? filter.officer;
  if (officer) conditions.push(eq(officerColumn, officer));
  if (run && shape === "results") {
    conditions.push(eq(r.runId, run.id));
    if (filter.tiers?.length) conditions.push(inArray(r.effectiveTier, [...filter.tiers]));
    if (filter.grades?.length) conditions.push(inArray(r.effectiveGrade, [...filter.grades]));
    if (filter.clusters?.length || filter.isWithoutCluster) {
      conditions.push(
        or(
          filter.clusters?.length ? inArray(r.cluster, [...filter.clusters]) : undefined,
          filter.isWithoutCluster ? isNull(r.cluster) : undefined,
        ),
      );
    }
    if (filter.customerGroups?.length) {
      const m = customerGroupMembers;
      conditions.push(
        sql`exists (select 1 from ${m} where ${m.runId} = ${r.runId} and ${m.customerId} = ${r.customerId} and ${inArray(m.groupNo, [...filter.customerGroups])})`,
      );
    }
  }
  if (filter.industries?.length) conditions.push(inArray(c.industry, [...filter.industries]));
  if (filter.regions?.length) conditions.push(inArray(c.region, [...filter.regions]));
  if (filter.search) {
    const term = escapeLike(filter.search);
    conditions.push(or(ilike(c.customerId, `${term}%`), ilike(c.name, `%${term}%`)));
  }
  if (filter.customerIds) {
    // A count over the run's results alone does not join the master: match the result's id there.
    const id = shape === "results" ? r.customerId : c.customerId;
    conditions.push(sql`${id} = any(${toTextArrayLiteral(filter.customerIds)}::text[])`);
  }
  return and(...conditions);
}

/**
 * A PostgreSQL text[] literal: one bound parameter for any number of ids (an IN list of 100,000 would pass the
 * protocol's 65,535-parameter limit). Each element is quoted, with backslash and double quote escaped.
 */
function toTextArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(",")}}`;
}

/** Filters that need a run's results; without a run they match nothing. */
function needsRun(filter: CustomerFilter): boolean {
  return Boolean(
    filter.tiers?.length ||
    filter.grades?.length ||
    filter.clusters?.length ||
    filter.isWithoutCluster ||
    filter.customerGroups?.length,
  );
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
  effectiveTier: r.effectiveTier,
  effectiveGrade: r.effectiveGrade,
  gradeScore: r.gradeScore,
  cluster: r.cluster,
  overrideTier: r.overrideTier,
  overrideGrade: r.overrideGrade,
  overrideId: r.overrideId,
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
  effectiveTier: null,
  effectiveGrade: null,
  gradeScore: null,
  cluster: null,
  overrideTier: null,
  overrideGrade: null,
  overrideId: null,
} as const;

/**
 * Up to `limit` customers in scope, keyset-ordered on (sort value, customer id) after `after`. With a run the rows
 * are the run's results joined to the customer master; without one, the master alone.
 */
export async function listCustomers(db: Db, args: ListCustomersArgs): Promise<CustomerListRow[]> {
  const { run, filter } = args;
  if (!run && needsRun(filter)) return [];
  const shape = shapeOf(run, filter);
  if (run && shape === "everyone" && customerSortKind(args.sort, true) === "bigint")
    return listEveryoneByAmount(db, { ...args, run });
  return listShaped(db, args, shape);
}

/**
 * Every customer in scope by an amount of the run, as one order: the run's customers by the amount (read through the
 * (run_id, amount) index, a page at a time), and those outside the run, which sort as the smallest amount, by id —
 * after them descending, before them ascending. A left join sorted on the coalesced amount would sort the whole
 * book for every page: at 100,000 customers, seconds under load for a page of fifty.
 */
async function listEveryoneByAmount(
  db: Db,
  args: ListCustomersArgs & { run: ResolvedRun },
): Promise<CustomerListRow[]> {
  const { run, scope, filter, limit, after } = args;
  const isDesc = args.direction === "desc";
  const isCursorOutside = after != null && after.value === String(NOT_IN_RUN_SORT_VALUE);
  const inRun = (cursor: KeysetCursor | null | undefined, rows: number) =>
    listShaped(db, { ...args, after: cursor, limit: rows }, "results");
  const outside = async (cursor: KeysetCursor | null | undefined, rows: number) => {
    const conditions: (SQL | undefined)[] = [
      buildWhere(null, scope, filter, "master"),
      sql`not exists (select 1 from ${r} where ${r.runId} = ${run.id} and ${r.customerId} = ${c.customerId})`,
    ];
    if (cursor) conditions.push(isDesc ? sql`${c.customerId} < ${cursor.id}` : sql`${c.customerId} > ${cursor.id}`);
    const found = await db
      .select(rowColumns)
      .from(c)
      .where(and(...conditions))
      .orderBy(isDesc ? desc(c.customerId) : asc(c.customerId))
      .limit(rows);
    return found.map((row) => ({ ...row, ...EMPTY_RESULT }));
  };
  if (isDesc) {
    if (isCursorOutside) return outside(after, limit);
    const first = await inRun(after, limit);
    return first.length < limit ? [...first, ...(await outside(null, limit - first.length))] : first;
  }
  if (after && !isCursorOutside) return inRun(after, limit);
  const first = await outside(after, limit);
  return first.length < limit ? [...first, ...(await inRun(null, limit - first.length))] : first;
}

async function listShaped(db: Db, args: ListCustomersArgs, shape: ReadShape): Promise<CustomerListRow[]> {
  const { run, scope, filter, limit } = args;
  const isOuter = shape === "everyone";
  const { expr, kind, id } = sortExpression(args.sort, run !== null, isOuter);
  const isDesc = args.direction === "desc";
  const conditions: (SQL | undefined)[] = [buildWhere(run, scope, filter, shape)];
  if (args.after) {
    const cursor = args.after;
    const value = kind === "bigint" ? sql`${BigInt(cursor.value ?? "0")}::bigint` : sql`${cursor.value ?? ""}`;
    conditions.push(
      isDesc ? sql`(${expr}, ${id}) < (${value}, ${cursor.id})` : sql`(${expr}, ${id}) > (${value}, ${cursor.id})`,
    );
  }
  const order = isDesc ? [desc(expr), desc(id)] : [asc(expr), asc(id)];
  if (run && isOuter)
    return db
      .select({ ...rowColumns, ...resultColumns })
      .from(c)
      .leftJoin(r, onRunResult(run))
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit);
  if (run)
    return db
      .select({ ...rowColumns, ...resultColumns })
      .from(r)
      .innerJoin(c, eq(c.customerId, r.customerId))
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit);
  const rows = await db
    .select(rowColumns)
    .from(c)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit);
  return rows.map((row) => ({ ...row, ...EMPTY_RESULT }));
}

/** An amount's keyset value; a customer outside the run sorts as `NOT_IN_RUN_SORT_VALUE`. */
function amountKey(fen: bigint | null): string {
  return String(fen ?? NOT_IN_RUN_SORT_VALUE);
}

/** Joins a customer to its result in the run, when it has one. */
function onRunResult(run: ResolvedRun): SQL | undefined {
  return and(eq(r.runId, run.id), eq(r.customerId, c.customerId));
}

/** The keyset position of a row in the list's order, for the cursor of the page after it. */
export function customerKeyOf(row: CustomerListRow, sort: CustomerSortField, hasRun: boolean): KeysetCursor {
  const value =
    hasRun && sort === "contribution"
      ? amountKey(row.contributionFen)
      : hasRun && sort === "loanBalance"
        ? amountKey(row.loanBalanceFen)
        : hasRun && sort === "depositBalance"
          ? amountKey(row.depositBalanceFen)
          : sort === "name"
            ? row.name
            : row.customerId;
  return { value, id: row.customerId };
}

/** Whether counting the filter reads the customer master (and so changes with uploads), not only the run's results. */
export function isCountOnMaster(run: ResolvedRun | null, filter: CustomerFilter): boolean {
  return (
    !run || isOuterRead(run, filter) || Boolean(filter.industries?.length || filter.regions?.length || filter.search)
  );
}

/** How many customers the filter matches within the scope. */
export async function countCustomers(
  db: Db,
  args: { run: ResolvedRun | null; scope: CustomerScope; filter: CustomerFilter },
): Promise<number> {
  const { run, scope, filter } = args;
  if (!run && needsRun(filter)) return 0;
  const where = buildWhere(run, scope, filter);
  const [row] = !run
    ? await db.select({ n: count() }).from(c).where(where)
    : isOuterRead(run, filter)
      ? await db.select({ n: count() }).from(c).leftJoin(r, onRunResult(run)).where(where)
      : isCountOnMaster(run, filter)
        ? await db.select({ n: count() }).from(r).innerJoin(c, eq(c.customerId, r.customerId)).where(where)
        : await db.select({ n: count() }).from(r).where(where);
  return Number(row?.n ?? 0);
}

/** The customer master row, or null when it does not exist or lies outside the scope (the same answer for both). */
export async function findCustomerInScope(
  db: Db,
  args: { customerId: string; scope: CustomerScope },
): Promise<CustomerRow | null> {
  const [row] = await db
    .select()
    .from(c)
    .where(and(eq(c.customerId, args.customerId), inScope(c.officer, args.scope)))
    .limit(1);
  return row ?? null;
}

/** One value a filter can take and how many customers in scope have it. */
export type FacetValue = { value: string; customers: number };

/** Values per facet at most: a bank has tens of industries and regions, and an unbounded list helps nobody. */
const MAX_FACET_VALUES = 300;

/** Customers in scope counted by industry, region or officer, most customers first. */
export async function countCustomersBy(
  db: Db,
  args: { facet: "industry" | "region" | "officer"; scope: CustomerScope },
): Promise<FacetValue[]> {
  const column = c[args.facet];
  const customersCount = count();
  const rows = await db
    .select({ value: column, customers: customersCount })
    .from(c)
    .where(inScope(c.officer, args.scope))
    .groupBy(column)
    .orderBy(desc(customersCount), asc(column))
    .limit(MAX_FACET_VALUES);
  return rows.map((row) => ({ value: String(row.value), customers: Number(row.customers) }));
}
