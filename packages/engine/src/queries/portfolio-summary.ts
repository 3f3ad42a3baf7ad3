import { finishNpl, measureConcentration, sumFen, topSliceCount } from "@creditseg/core";
import {
  listContributionsDescending,
  sumLoanBalancesBySegment,
  sumResultsBySegment,
  type CustomerScope,
  type Db,
  type ResolvedRun,
} from "@creditseg/db";

export type SegmentFigures = {
  customers: number;
  loanBalanceFen: bigint;
  depositBalanceFen: bigint;
  contributionFen: bigint;
};
export type NplFigures = { loanBalanceFen: bigint; nplBalanceFen: bigint; nplRatioPct: string | null };
/** A point of the Pareto curve: the top `customerSharePct` % of customers (`customers` of them) and their share. */
export type ParetoPoint = { customerSharePct: number; customers: number; contributionSharePct: string | null };
export type PortfolioSummary = {
  runId: number;
  period: string;
  totals: SegmentFigures & NplFigures;
  /** By the effective tier and grade: the segment in force in the run. */
  byTier: (SegmentFigures & NplFigures & { tier: string })[];
  byGrade: (SegmentFigures & NplFigures & { grade: string })[];
  byCluster: (SegmentFigures & NplFigures & { cluster: number | null })[];
  tierCluster: { tier: string; cluster: number | null; customers: number; loanBalanceFen: bigint }[];
  concentration: { top10SharePct: string | null; top20SharePct: string | null; pareto: ParetoPoint[] };
};

/** Pareto curve resolution: cumulative contribution share at every 5% of customers. */
const PARETO_STEPS = 20;

type Grouping = { groupedTier: number; groupedGrade: number; groupedCluster: number };
const only = (tier: number, grade: number, cluster: number) => (row: Grouping) =>
  row.groupedTier === tier && row.groupedGrade === grade && row.groupedCluster === cluster;

/**
 * Portfolio figures of a finished run over the customers in `scope`, by effective segment: the database sums, core
 * decides the ratios (NPL ratio and concentration shares, half to even, exactly as the run's stored summary does).
 */
export async function readPortfolioSummary(
  db: Db,
  args: { run: ResolvedRun; scope: CustomerScope },
): Promise<PortfolioSummary> {
  const { run, scope } = args;
  const [segmentRows, loanRows, ranked] = await Promise.all([
    sumResultsBySegment(db, { runId: run.id, scope }),
    sumLoanBalancesBySegment(db, { runId: run.id, scope }),
    listContributionsDescending(db, { runId: run.id, scope }),
  ]);
  const contributions = ranked.map((row) => row.contributionFen);
  const npl = (pick: (row: (typeof loanRows)[number]) => boolean): NplFigures => {
    const row = loanRows.find(pick);
    const figure = finishNpl({
      nplFen: row?.nplBalanceFen ?? 0n,
      totalFen: row?.loanBalanceFen ?? 0n,
      ratioPct: null,
      loanCount: 0,
    });
    return { loanBalanceFen: figure.totalFen, nplBalanceFen: figure.nplFen, nplRatioPct: figure.ratioPct };
  };
  const figures = (row: (typeof segmentRows)[number]): SegmentFigures => ({
    customers: row.customers,
    loanBalanceFen: row.loanBalanceFen,
    depositBalanceFen: row.depositBalanceFen,
    contributionFen: row.contributionFen,
  });
  const totalRow = segmentRows.find(only(1, 1, 1));
  const total = sumFen(contributions);
  const share = (topPct: number) => measureConcentration(contributions, total, topPct).sharePct;
  const pareto: ParetoPoint[] =
    contributions.length === 0
      ? []
      : Array.from({ length: PARETO_STEPS }, (_, i) => {
          const customerSharePct = ((i + 1) * 100) / PARETO_STEPS;
          const slice = measureConcentration(contributions, total, customerSharePct);
          return { customerSharePct, customers: slice.customerCount, contributionSharePct: slice.sharePct };
        });
  const empty: SegmentFigures = { customers: 0, loanBalanceFen: 0n, depositBalanceFen: 0n, contributionFen: 0n };
  return {
    runId: run.id,
    period: run.period,
    totals: { ...(totalRow ? figures(totalRow) : empty), ...npl(only(1, 1, 1)) },
    byTier: segmentRows.filter(only(0, 1, 1)).map((row) => ({
      tier: row.tier,
      ...figures(row),
      ...npl((n) => only(0, 1, 1)(n) && n.tier === row.tier),
    })),
    byGrade: segmentRows.filter(only(1, 0, 1)).map((row) => ({
      grade: row.grade,
      ...figures(row),
      ...npl((n) => only(1, 0, 1)(n) && n.grade === row.grade),
    })),
    byCluster: segmentRows.filter(only(1, 1, 0)).map((row) => ({
      cluster: row.cluster,
      ...figures(row),
      ...npl((n) => only(1, 1, 0)(n) && n.cluster === row.cluster),
    })),
    tierCluster: segmentRows.filter(only(0, 1, 0)).map((row) => ({
      tier: row.tier,
      cluster: row.cluster,
      customers: row.customers,
      loanBalanceFen: row.loanBalanceFen,
    })),
    concentration: { top10SharePct: share(10), top20SharePct: share(20), pareto },
  };
}

/**
 * The customers of a Pareto slice: the top `topPct` percent of the run's in-scope customers by contribution, in the
 * order and count `readPortfolioSummary` measured the slice on, so the list a Pareto point opens holds its customers.
 */
export async function listTopContributorIds(
  db: Db,
  args: { run: ResolvedRun; scope: CustomerScope; topPct: number },
): Promise<string[]> {
  const ranked = await listContributionsDescending(db, { runId: args.run.id, scope: args.scope });
  return ranked.slice(0, topSliceCount(ranked.length, args.topPct)).map((row) => row.customerId);
}
