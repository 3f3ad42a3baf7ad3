import type { Db } from "@creditseg/db";
import { schema } from "@creditseg/db";
import {
  calculateDepositContribution,
  calculateLoanContribution,
  lookupGuidance,
  parsePolicy,
  type AccountContribution,
  type CustomerGuidance,
} from "@creditseg/core";
import { and, asc, desc, eq } from "drizzle-orm";
import type { CustomerScope } from "../api/trpc";
import type { ResolvedRun } from "./resolve-run";

/** Accounts shown on a customer page; a customer with more is shown the largest first. */
const MAX_ACCOUNTS = 500;
const MAX_TIMELINE = 100;
const MAX_OVERRIDES = 50;

/** The customer master row, or null when it does not exist or lies outside the caller's scope (the same answer for both). */
export async function findCustomerInScope(db: Db, customerId: string, scope: CustomerScope) {
  const c = schema.customers;
  const conditions = [eq(c.customerId, customerId)];
  if (scope.kind === "officer") conditions.push(eq(c.officer, scope.officerCode));
  const [row] = await db
    .select()
    .from(c)
    .where(and(...conditions))
    .limit(1);
  return row ?? null;
}

/** The period whose accounts to show: the run's, else the latest period the customer has loans or deposits in. */
async function pickPeriod(db: Db, customerId: string, run: ResolvedRun | null): Promise<string | null> {
  if (run) return run.period;
  const [loan] = await db
    .select({ period: schema.loans.period })
    .from(schema.loans)
    .where(eq(schema.loans.customerId, customerId))
    .orderBy(desc(schema.loans.period))
    .limit(1);
  if (loan) return loan.period;
  const [deposit] = await db
    .select({ period: schema.deposits.period })
    .from(schema.deposits)
    .where(eq(schema.deposits.customerId, customerId))
    .orderBy(desc(schema.deposits.period))
    .limit(1);
  return deposit?.period ?? null;
}

/**
 * Everything the customer page shows, in a fixed number of queries: the run's result with its rule
 * trace and scorecard points, the cluster profile, the guidance for its segment, each account's
 * contribution with the formula inputs, projects, overrides and the timeline across runs.
 */
export async function readCustomerDetail(
  db: Db,
  customer: typeof schema.customers.$inferSelect,
  run: ResolvedRun | null,
) {
  const id = customer.customerId;
  const period = await pickPeriod(db, id, run);
  const r = schema.segmentResults;
  const runs = schema.segmentRuns;
  const [resultRows, loans, deposits, fees, projects, timeline, overrides, policyRows] = await Promise.all([
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
          .from(schema.loans)
          .where(and(eq(schema.loans.period, period), eq(schema.loans.customerId, id)))
          .orderBy(desc(schema.loans.avgDailyBalanceFen), asc(schema.loans.loanId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(schema.deposits)
          .where(and(eq(schema.deposits.period, period), eq(schema.deposits.customerId, id)))
          .orderBy(desc(schema.deposits.avgDailyBalanceFen), asc(schema.deposits.accountId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(schema.feeIncome)
          .where(and(eq(schema.feeIncome.period, period), eq(schema.feeIncome.customerId, id)))
          .orderBy(asc(schema.feeIncome.date), asc(schema.feeIncome.lineKey))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    period
      ? db
          .select()
          .from(schema.projects)
          .where(and(eq(schema.projects.period, period), eq(schema.projects.customerId, id)))
          .orderBy(asc(schema.projects.projectId))
          .limit(MAX_ACCOUNTS)
      : Promise.resolve([]),
    db
      .select({
        runId: r.runId,
        period: runs.period,
        finishedAt: runs.finishedAt,
        policyVersion: runs.policyVersion,
        tier: r.tier,
        grade: r.grade,
        cluster: r.cluster,
        contributionFen: r.contributionFen,
        overrideTier: r.overrideTier,
        overrideGrade: r.overrideGrade,
      })
      .from(r)
      .innerJoin(runs, eq(runs.id, r.runId))
      .where(and(eq(r.customerId, id), eq(runs.status, "succeeded")))
      .orderBy(desc(runs.period), desc(runs.id))
      .limit(MAX_TIMELINE),
    db
      .select()
      .from(schema.overrides)
      .where(eq(schema.overrides.customerId, id))
      .orderBy(desc(schema.overrides.id))
      .limit(MAX_OVERRIDES),
    run
      ? db
          .select({ document: schema.policies.document })
          .from(schema.policies)
          .where(eq(schema.policies.version, run.policyVersion))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const result = resultRows[0] ?? null;
  const [cluster] =
    run && result?.cluster != null
      ? await db
          .select()
          .from(schema.clusters)
          .where(and(eq(schema.clusters.runId, run.id), eq(schema.clusters.clusterNo, result.cluster)))
          .limit(1)
      : [];
  const parsed = policyRows[0] ? parsePolicy(policyRows[0].document) : null;
  const policy = parsed?.ok ? parsed.policy : null;

  let accountContributions: AccountContribution[] = [];
  let guidance: CustomerGuidance | null = null;
  if (policy) {
    accountContributions = [
      ...loans.map((loan) => calculateLoanContribution(loan, policy)),
      ...deposits.map((deposit) => calculateDepositContribution(deposit, policy)),
    ];
    if (result)
      guidance = lookupGuidance(policy, result.overrideTier ?? result.tier, result.overrideGrade ?? result.grade);
  }
  return {
    customer,
    run,
    period,
    result,
    cluster: cluster ?? null,
    guidance,
    accountContributions,
    loans,
    deposits,
    fees,
    projects,
    overrides,
    timeline: timeline.reverse(),
  };
}
