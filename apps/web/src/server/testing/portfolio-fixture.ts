import { DEFAULT_POLICY } from "@creditseg/core/policy";
import type { Classification, Grade } from "@creditseg/core/constants";
import { schema } from "@creditseg/db";
import type { TestApp } from "./test-app";

export const FIXTURE_PERIOD = "2025";

type FixtureCustomer = {
  customerId: string;
  officer: string;
  tier: string;
  grade: Grade;
  cluster: number;
  contributionFen: bigint;
  loanBalanceFen: bigint;
  classification: Classification;
};

/** Two officers' books: O001 holds C001 and C003, O002 holds C002 and C004. */
export const FIXTURE_CUSTOMERS: readonly FixtureCustomer[] = [
  {
    customerId: "C001",
    officer: "O001",
    tier: "core",
    grade: "AAA",
    cluster: 0,
    contributionFen: 150_000_000n,
    loanBalanceFen: 1_000_000_000n,
    classification: "normal",
  },
  {
    customerId: "C002",
    officer: "O002",
    tier: "basic",
    grade: "AA",
    cluster: 1,
    contributionFen: 27_500_000n,
    loanBalanceFen: 2_000_000_000n,
    classification: "normal",
  },
  {
    customerId: "C003",
    officer: "O001",
    tier: "general",
    grade: "B",
    cluster: 1,
    contributionFen: -5_000_000n,
    loanBalanceFen: 300_000_000n,
    classification: "substandard",
  },
  {
    customerId: "C004",
    officer: "O002",
    tier: "core",
    grade: "AA",
    cluster: 0,
    contributionFen: 110_000_000n,
    loanBalanceFen: 4_000_000_000n,
    classification: "doubtful",
  },
];

/**
 * A small finished portfolio: the default policy active as version 1, four customers with one loan,
 * one deposit and one project each, and run 1 (current for 2025) with its results and clusters.
 */
export async function seedPortfolio(app: TestApp, startedBy: string): Promise<{ runId: number }> {
  const db = app.handle.db;
  await db
    .insert(schema.policies)
    .values({ version: 1, name: "Default", status: "active", document: DEFAULT_POLICY, effectiveFrom: "2025-01-01" });
  await db.insert(schema.customers).values(
    FIXTURE_CUSTOMERS.map((c) => ({
      customerId: c.customerId,
      name: `企业 ${c.customerId}`,
      industry: "manufacturing",
      region: "east",
      size: "small" as const,
      officer: c.officer,
      creditRating: "A",
    })),
  );
  await db.insert(schema.loans).values(
    FIXTURE_CUSTOMERS.map((c) => ({
      period: FIXTURE_PERIOD,
      loanId: `L${c.customerId}`,
      customerId: c.customerId,
      product: "working_capital",
      amountFen: c.loanBalanceFen,
      ratePct: "4.350000",
      termMonths: 12,
      startDate: "2025-01-01",
      maturityDate: "2025-12-31",
      guarantee: "collateral" as const,
      classification: c.classification,
      avgDailyBalanceFen: c.loanBalanceFen,
      days: 360,
    })),
  );
  await db.insert(schema.deposits).values(
    FIXTURE_CUSTOMERS.map((c) => ({
      period: FIXTURE_PERIOD,
      accountId: `D${c.customerId}`,
      customerId: c.customerId,
      product: "demand" as const,
      avgDailyBalanceFen: 500_000_000n,
      ratePct: "0.350000",
      days: 360,
      termMonths: 0,
    })),
  );
  await db.insert(schema.projects).values(
    FIXTURE_CUSTOMERS.map((c) => ({
      period: FIXTURE_PERIOD,
      projectId: `P${c.customerId}`,
      customerId: c.customerId,
      name: `项目 ${c.customerId}`,
      industry: "infrastructure",
      region: "east",
      totalInvestmentFen: 10_000_000_000n,
      loanAmountFen: 5_000_000_000n,
      riskLevel: "medium",
      status: "construction",
      overdueDays: c.classification === "normal" ? 0 : 95,
      isDowngraded: false,
    })),
  );
  const [run] = await db
    .insert(schema.segmentRuns)
    .values({
      period: FIXTURE_PERIOD,
      policyVersion: 1,
      status: "succeeded",
      codeVersion: "test",
      isCurrent: true,
      startedBy,
      startedAt: new Date(),
      finishedAt: new Date(),
      progressPct: 100,
    })
    .returning({ id: schema.segmentRuns.id });
  const runId = run!.id;
  await db.insert(schema.segmentResults).values(
    FIXTURE_CUSTOMERS.map((c) => ({
      runId,
      customerId: c.customerId,
      officer: c.officer,
      depositContributionFen: 8_250_000n,
      loanContributionFen: c.contributionFen - 8_250_000n,
      feeIncomeFen: 0n,
      contributionFen: c.contributionFen,
      loanBalanceFen: c.loanBalanceFen,
      depositBalanceFen: 500_000_000n,
      classification: c.classification,
      tier: c.tier,
      effectiveTier: c.tier,
      tierTrace: [{ rule: c.tier, matched: true, conditions: [{ code: "catch_all", passed: true }] }],
      grade: c.grade,
      effectiveGrade: c.grade,
      gradeScore: "70.00",
      gradePoints: [],
      cluster: c.cluster,
      recommendation: null,
    })),
  );
  await db.insert(schema.clusters).values(
    [0, 1].map((clusterNo) => ({
      runId,
      clusterNo,
      size: 2,
      centroidRaw: [4.35, 12, 1e7],
      centroid: [0, 0, 0],
      profile: {},
      labelZh: `群体 ${clusterNo}`,
      labelEn: `Group ${clusterNo}`,
    })),
  );
  await db
    .insert(schema.clusterAssignments)
    .values(FIXTURE_CUSTOMERS.map((c) => ({ runId, loanId: `L${c.customerId}`, clusterNo: c.cluster })));
  return { runId };
}
