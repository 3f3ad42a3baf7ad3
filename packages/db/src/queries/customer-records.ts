import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import {
  clusters,
  deposits,
  feeIncome,
  loans,
  overrides,
  policies,
  projects,
  segmentResults,
  segmentRuns,
} from "../schema";
import type { ResolvedRun } from "./segment-runs";

/** Accounts shown on a customer page; a customer with more is shown the largest first. */
const MAX_ACCOUNTS = 500;
const MAX_TIMELINE = 100;
const MAX_OVERRIDES = 50;

/** The period whose accounts to show: the run's, else the latest period the customer has loans or deposits in. */
async function pickPeriod(db: Db, customerId: string, run: ResolvedRun | null): Promise<string | null> {
  if (run) return run.period;
  const [loan] = await db
    .select({ period: loans.period })
    .from(loans)
    .where(eq(loans.customerId, customerId))
    .orderBy(desc(loans.period))
    .limit(1);
  if (loan) return loan.period;
  const [deposit] = await db
    .select({ period: deposits.period })
    .from(deposits)
    .where(eq(deposits.customerId, customerId))
    .orderBy(desc(deposits.period))
    .limit(1);
  return deposit?.period ?? null;
}

/**
 * What a customer page reads, in a fixed number of queries: the run's stored result, its cluster, the run's policy document, the
 * period's accounts and projects as loaded, the customer's overrides and its results across finished runs.
 * The caller has checked the customer is in scope.
 */
export async function readCustomerRecords(db: Db, args: { customerId: string; run: ResolvedRun | null }) {
  const { customerId: id, run } = args;
  const period = await pickPeriod(db, id, run);
  const r = segmentResults;
  const [resultRows, loanRows, depositRows, fees, projectRows, timeline, overrideRows, policyRows] = await Promise.all([
    run
      ? db
          .select()
          .from(r)
          .where(and(eq(r.runId, run.id), eq(r.customerId, id)))
          .limit(1)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(loans)
          .where(and(eq(loans.period, period), eq(loans.customerId, id)))
          .orderBy(desc(loans.avgDailyBalanceFen), asc(loans.loanId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(deposits)
          .where(and(eq(deposits.period, period), eq(deposits.customerId, id)))
          .orderBy(desc(deposits.avgDailyBalanceFen), asc(deposits.accountId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(feeIncome)
          .where(and(eq(feeIncome.period, period), eq(feeIncome.customerId, id)))
          .orderBy(asc(feeIncome.date), asc(feeIncome.lineKey))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(projects)
          .where(and(eq(projects.period, period), eq(projects.customerId, id)))
          .orderBy(asc(projects.projectId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    db
      .select({
        runId: r.runId,
        period: segmentRuns.period,
        finishedAt: segmentRuns.finishedAt,
        policyVersion: segmentRuns.policyVersion,
        tier: r.tier,
        grade: r.grade,
        effectiveTier: r.effectiveTier,
        effectiveGrade: r.effectiveGrade,
        cluster: r.cluster,
        contributionFen: r.contributionFen,
        overrideTier: r.overrideTier,
        overrideGrade: r.overrideGrade,
      })
      .from(r)
      .innerJoin(segmentRuns, eq(segmentRuns.id, r.runId))
      .where(and(eq(r.customerId, id), eq(segmentRuns.status, "succeeded")))
      .orderBy(desc(segmentRuns.period), desc(segmentRuns.id))
      .limit(MAX_TIMELINE),
    db.select().from(overrides).where(eq(overrides.customerId, id)).orderBy(desc(overrides.id)).limit(MAX_OVERRIDES),
    run
      ? db
          .select({ document: policies.document })
          .from(policies)
          .where(eq(policies.version, run.policyVersion))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const result = resultRows[0] ?? null;
  const [cluster] =
    run && result?.cluster != null
      ? await db
          .select()
          .from(clusters)
          .where(and(eq(clusters.runId, run.id), eq(clusters.clusterNo, result.cluster)))
          .limit(1)
      : [];
  return {
    period,
    result,
    cluster: cluster ?? null,
    policyDocument: policyRows[0]?.document ?? null,
    loans: loanRows,
    deposits: depositRows,
    fees,
    projects: projectRows,
    overrides: overrideRows,
    timeline: timeline.reverse(),
  };
}
