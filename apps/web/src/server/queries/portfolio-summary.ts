import type { Db } from "@creditseg/db";
import { schema } from "@creditseg/db";
import { NON_PERFORMING } from "@creditseg/core/constants";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { CustomerScope } from "../api/trpc";
import { createMemo } from "./memo-cache";
import { formatSharePct } from "./ratio";
import { rowsOf } from "./rows-of";
import type { ResolvedRun } from "./resolve-run";

const r = schema.segmentResults;
const l = schema.loans;
const ca = schema.clusterAssignments;

export type SegmentFigures = {
  customers: number;
  loanBalanceFen: bigint;
  depositBalanceFen: bigint;
  contributionFen: bigint;
};
export type NplFigures = { loanBalanceFen: bigint; nplBalanceFen: bigint; nplRatioPct: string | null };
export type ParetoPoint = { customerSharePct: number; contributionSharePct: string | null };

export type PortfolioSummary = {
  runId: number;
  period: string;
  totals: SegmentFigures & NplFigures;
  byTier: (SegmentFigures & NplFigures & { tier: string })[];
  byGrade: (SegmentFigures & NplFigures & { grade: string })[];
  byCluster: (SegmentFigures & NplFigures & { cluster: number | null })[];
  tierCluster: { tier: string; cluster: number | null; customers: number; loanBalanceFen: bigint }[];
  concentration: { top10SharePct: string | null; top20SharePct: string | null; pareto: ParetoPoint[] };
};

/** Pareto curve resolution: cumulative contribution share at every 5% of customers. */
const PARETO_STEPS = 20;

function scopeCondition(scope: CustomerScope): SQL | undefined {
  return scope.kind === "officer" ? eq(r.officer, scope.officerCode) : undefined;
}

const memoSummary = createMemo<PortfolioSummary>({ limit: 500 });

/**
 * Portfolio figures of a finished run for the caller's scope. A finished run's stored results
 * never change, so each (run, scope) is computed once per process (concurrent first requests share
 * the computation) and then served from memory.
 */
export function readPortfolioSummary(db: Db, run: ResolvedRun, scope: CustomerScope): Promise<PortfolioSummary> {
  const key = `${run.id}:${scope.kind === "officer" ? `o:${scope.officerCode}` : "all"}`;
  return memoSummary(db, key, Number.POSITIVE_INFINITY, () => computePortfolioSummary(db, run, scope));
}

async function computePortfolioSummary(db: Db, run: ResolvedRun, scope: CustomerScope): Promise<PortfolioSummary> {
  const inScope = and(eq(r.runId, run.id), scopeCondition(scope));
  const [segmentRows, nplRows, concentrationRows] = await Promise.all([
    db
      .select({
        tier: r.tier,
        grade: r.grade,
        cluster: r.cluster,
        groupedTier: sql<number>`grouping(${r.tier})`.mapWith(Number),
        groupedGrade: sql<number>`grouping(${r.grade})`.mapWith(Number),
        groupedCluster: sql<number>`grouping(${r.cluster})`.mapWith(Number),
        customers: sql<number>`count(*)`.mapWith(Number),
        loanBalanceFen: sql<bigint>`coalesce(sum(${r.loanBalanceFen}), 0)`.mapWith(BigInt),
        depositBalanceFen: sql<bigint>`coalesce(sum(${r.depositBalanceFen}), 0)`.mapWith(BigInt),
        contributionFen: sql<bigint>`coalesce(sum(${r.contributionFen}), 0)`.mapWith(BigInt),
      })
      .from(r)
      .where(inScope)
      .groupBy(sql`grouping sets ((${r.tier}), (${r.grade}), (${r.cluster}), (${r.tier}, ${r.cluster}), ())`),
    // NPL is a loan-level ratio: balances of the run period's loans, grouped by their customer's segment and their own cluster.
    db
      .select({
        tier: r.tier,
        grade: r.grade,
        cluster: ca.clusterNo,
        groupedTier: sql<number>`grouping(${r.tier})`.mapWith(Number),
        groupedGrade: sql<number>`grouping(${r.grade})`.mapWith(Number),
        groupedCluster: sql<number>`grouping(${ca.clusterNo})`.mapWith(Number),
        loanBalanceFen: sql<bigint>`coalesce(sum(${l.avgDailyBalanceFen}), 0)`.mapWith(BigInt),
        nplBalanceFen:
          sql<bigint>`coalesce(sum(${l.avgDailyBalanceFen}) filter (where ${l.classification} in (${sql.join(
            NON_PERFORMING.map((cls) => sql`${cls}`),
            sql`, `,
          )})), 0)`.mapWith(BigInt),
      })
      .from(l)
      .innerJoin(r, and(eq(r.customerId, l.customerId), eq(r.runId, run.id)))
      .leftJoin(ca, and(eq(ca.runId, run.id), eq(ca.loanId, l.loanId)))
      .where(and(eq(l.period, run.period), scopeCondition(scope)))
      .groupBy(sql`grouping sets ((${r.tier}), (${r.grade}), (${ca.clusterNo}), ())`),
    db.execute(sql`
      with ranked as (
        select ${r.contributionFen} as contribution,
               row_number() over (order by ${r.contributionFen} desc, ${r.customerId}) as rn,
               count(*) over () as n
        from ${r} where ${inScope}
      )
      select ceil(rn * ${PARETO_STEPS}::numeric / n)::int as bucket,
             sum(contribution)::text as contribution,
             coalesce(sum(contribution) filter (where rn <= ceil(n * 0.1)), 0)::text as top10,
             coalesce(sum(contribution) filter (where rn <= ceil(n * 0.2)), 0)::text as top20
      from ranked group by 1 order by 1`),
  ]);

  const npl = (rows: typeof nplRows, pick: (row: (typeof nplRows)[number]) => boolean) => {
    const row = rows.find(pick);
    const loanBalanceFen = row?.loanBalanceFen ?? 0n;
    const nplBalanceFen = row?.nplBalanceFen ?? 0n;
    return { loanBalanceFen, nplBalanceFen, nplRatioPct: formatSharePct(nplBalanceFen, loanBalanceFen) };
  };
  const figures = (row: (typeof segmentRows)[number]): SegmentFigures => ({
    customers: row.customers,
    loanBalanceFen: row.loanBalanceFen,
    depositBalanceFen: row.depositBalanceFen,
    contributionFen: row.contributionFen,
  });
  const only =
    (tier: number, grade: number, cluster: number) =>
    (row: { groupedTier: number; groupedGrade: number; groupedCluster: number }) =>
      row.groupedTier === tier && row.groupedGrade === grade && row.groupedCluster === cluster;

  const totalRow = segmentRows.find(only(1, 1, 1));
  const totalNpl = npl(nplRows, only(1, 1, 1));
  const byTier = segmentRows.filter(only(0, 1, 1)).map((row) => ({
    tier: row.tier,
    ...figures(row),
    ...npl(nplRows, (n) => only(0, 1, 1)(n) && n.tier === row.tier),
  }));
  const byGrade = segmentRows.filter(only(1, 0, 1)).map((row) => ({
    grade: row.grade,
    ...figures(row),
    ...npl(nplRows, (n) => only(1, 0, 1)(n) && n.grade === row.grade),
  }));
  const byCluster = segmentRows.filter(only(1, 1, 0)).map((row) => ({
    cluster: row.cluster,
    ...figures(row),
    ...npl(nplRows, (n) => only(1, 1, 0)(n) && n.cluster === row.cluster),
  }));
  const tierCluster = segmentRows.filter(only(0, 1, 0)).map((row) => ({
    tier: row.tier,
    cluster: row.cluster,
    customers: row.customers,
    loanBalanceFen: row.loanBalanceFen,
  }));

  const rows = rowsOf<{ bucket: number | string; contribution: string | null; top10: string; top20: string }>(
    concentrationRows,
  );
  const total = rows.reduce((sum, row) => sum + BigInt(row.contribution ?? "0"), 0n);
  let running = 0n;
  const pareto: ParetoPoint[] = rows.map((row) => {
    running += BigInt(row.contribution ?? "0");
    return {
      customerSharePct: (Number(row.bucket) * 100) / PARETO_STEPS,
      contributionSharePct: formatSharePct(running, total),
    };
  });
  const top10 = rows.reduce((sum, row) => sum + BigInt(row.top10), 0n);
  const top20 = rows.reduce((sum, row) => sum + BigInt(row.top20), 0n);

  const empty: SegmentFigures = { customers: 0, loanBalanceFen: 0n, depositBalanceFen: 0n, contributionFen: 0n };
  return {
    runId: run.id,
    period: run.period,
    totals: { ...(totalRow ? figures(totalRow) : empty), ...totalNpl },
    byTier,
    byGrade,
    byCluster,
    tierCluster,
    concentration: { top10SharePct: formatSharePct(top10, total), top20SharePct: formatSharePct(top20, total), pareto },
  };
}
