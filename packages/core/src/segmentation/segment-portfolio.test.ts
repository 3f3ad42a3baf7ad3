import { describe, expect, it } from "vitest";
import type { Classification } from "../constants";
import { DEFAULT_POLICY } from "../policy/default-policy";
import type { Policy } from "../policy/policy-schema";
import type { CustomerRecord, LoanRecord, ProjectRecord } from "../records";
import { runKMeansPaced } from "../clustering";
import { SegmentInputError, segmentPortfolio, segmentPortfolioWith } from "./segment-portfolio";

const POLICY: Policy = { ...DEFAULT_POLICY, clustering: { ...DEFAULT_POLICY.clustering, k: 2, restarts: 3 } };

const customer = (customerId: string, overrides: Partial<CustomerRecord> = {}): CustomerRecord => ({
  customerId,
  name: customerId,
  industry: "manufacturing",
  region: "Jiangsu",
  size: "medium",
  creditRating: "AA",
  officer: "o1",
  debtRatioPct: 50,
  currentRatio: 1.5,
  roaPct: 5,
  revenueFen: null,
  defaultCount: 0,
  ...overrides,
});

let loanSeq = 0;
const loan = (
  customerId: string,
  amountYuan: number,
  ratePct: string,
  termMonths: number,
  classification: Classification = "normal",
): LoanRecord => ({
  loanId: `L${++loanSeq}`,
  customerId,
  product: "working_capital",
  amountFen: BigInt(amountYuan) * 100n,
  ratePct,
  termMonths,
  startDate: "2025-01-01",
  maturityDate: "2025-12-31",
  guarantee: "collateral",
  classification,
  avgDailyBalanceFen: BigInt(amountYuan) * 90n,
  days: 360,
});

const customers = [
  customer("BIG"),
  customer("MID"),
  customer("SMALL", { size: "micro" }),
  customer("BAD"),
  customer("NOLOAN"),
];
const loans = [
  loan("BIG", 200_000_000, "3.60", 60),
  loan("BIG", 150_000_000, "3.50", 84),
  loan("MID", 5_000_000, "4.80", 12),
  loan("MID", 180_000_000, "3.55", 72),
  loan("SMALL", 300_000, "6.20", 12),
  loan("SMALL", 200_000, "6.00", 6),
  loan("BAD", 2_000_000, "5.50", 12, "doubtful"),
];

function segment(overrides: Partial<Parameters<typeof segmentPortfolio>[0]> = {}) {
  return segmentPortfolio({ customers, loans, deposits: [], fees: [], projects: [], policy: POLICY, ...overrides });
}

describe("segmentPortfolio", () => {
  const result = segment();
  const byId = new Map(result.customers.map((c) => [c.customerId, c]));

  it("assigns contribution, classification, tier and grade per customer, in input order", () => {
    expect(result.customers.map((c) => c.customerId)).toEqual(customers.map((c) => c.customerId));
    expect(byId.get("BIG")!.tier.tier).toBe("core");
    expect(byId.get("BAD")).toMatchObject({
      classification: "doubtful",
      tier: { tier: "general" },
      grade: { grade: "B" },
    });
    expect(byId.get("NOLOAN")).toMatchObject({
      classification: "normal",
      cluster: null,
      loanCount: 0,
      contribution: { totalFen: 0n },
    });
    expect(byId.get("NOLOAN")!.tier.tier).toBe("basic");
  });

  it("puts each customer in the cluster holding most of its loan balance", () => {
    const mid = byId.get("MID")!;
    const midLoans = loans
      .map((l, i) => ({ l, cluster: result.loanClusters[i]! }))
      .filter((x) => x.l.customerId === "MID");
    const biggest = midLoans.reduce((a, b) => (b.l.avgDailyBalanceFen > a.l.avgDailyBalanceFen ? b : a));
    expect(mid.cluster).toBe(biggest.cluster);
    expect(result.loanClusters[0]).toBe(result.loanClusters[1]);
    expect(result.loanClusters[4]).not.toBe(result.loanClusters[0]);
  });

  it("crosses tiers with clusters and recommends the top tier's bundle", () => {
    const coreCluster = byId.get("BIG")!.cluster!;
    expect(result.topTierPreferences[0]!.cluster).toBe(coreCluster);
    const coreCells = result.crossTable.cells.filter((c) => c.tier === "core");
    expect(coreCells.reduce((s, c) => s + c.loanCount, 0)).toBe(
      loans.filter((l) => ["BIG", "MID"].includes(l.customerId) && byId.get(l.customerId)!.tier.tier === "core").length,
    );
    expect(byId.get("BIG")!.recommendation.action).toBe("keep");
    expect(byId.get("BAD")!.recommendation).toMatchObject({ action: "hold", cluster: null });
    expect(byId.get("NOLOAN")!.recommendation).toMatchObject({ action: "offer", cluster: coreCluster });
    const small = byId.get("SMALL")!;
    expect(small.recommendation.action).toBe(small.grade.grade === "B" ? "hold" : "shift");
  });

  it("reports NPL on average daily balance by tier, grade and cluster", () => {
    const { npl } = result.portfolio;
    expect(npl.overall.nplFen).toBe(180_000_000n);
    expect(npl.overall.totalFen).toBe(loans.reduce((s, l) => s + l.avgDailyBalanceFen, 0n));
    expect(npl.byTier.general!.ratioPct).toBe("100.00");
    expect(npl.byGrade.B.nplFen).toBe(180_000_000n);
    expect(npl.byCluster.reduce((s, f) => s + f.totalFen, 0n)).toBe(npl.overall.totalFen);
  });

  it("measures contribution concentration over the ranked customers", () => {
    const ranked = result.customers.map((c) => c.contribution.totalFen).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    expect(result.portfolio.concentration.top10Pct).toMatchObject({ customerCount: 1, contributionFen: ranked[0] });
    expect(result.portfolio.concentration.top20Pct.customerCount).toBe(1);
    expect(result.portfolio.totalContributionFen).toBe(ranked.reduce((s, v) => s + v, 0n));
  });

  it("is deterministic", () => {
    const again = segment();
    expect(again.customers).toEqual(result.customers);
    expect(Array.from(again.loanClusters)).toEqual(Array.from(result.loanClusters));
  });

  it("gives the same result with its k-means fits delegated and paced", async () => {
    const requests: number[] = [];
    let pauses = 0;
    const paced = await segmentPortfolioWith(
      { customers, loans, deposits: [], fees: [], projects: [], policy: POLICY },
      (request) => {
        requests.push(request.k);
        return runKMeansPaced({ ...request, pause: () => Promise.resolve() });
      },
      async () => void pauses++,
    );
    expect(paced).toEqual(result);
    expect(requests.length).toBeGreaterThan(0);
    // Between stages as well as between restarts: a host gets its turn during the non-clustering work too.
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it("compares with a previous run: migrations, project-group rates and cluster matching", () => {
    const project = (id: string, overdueDays: number): ProjectRecord => ({
      projectId: id,
      customerId: "BIG",
      name: id,
      industry: "infrastructure",
      region: "Anhui",
      totalInvestmentFen: 100n,
      loanAmountFen: 50n,
      riskLevel: "high",
      status: "active",
      overdueDays,
      isDowngraded: false,
    });
    const next = segment({
      projects: [project("P1", 0), project("P2", 200), project("P3", 0)],
      previous: {
        customers: [
          { customerId: "BIG", tier: "basic", grade: "AA" },
          { customerId: "GONE", tier: "core", grade: "AAA" },
        ],
        projectGroups: [{ key: "infrastructure|Anhui|high", signalCount: 0, projectCount: 3 }],
        clusterCentroidsRaw: result.clusters!.centroidsRaw,
      },
    });
    expect(next.migration!.tiers.counts[1]![0]).toBe(1);
    expect(next.migration!.tiers.left.core).toBe(1);
    const newcomers = next.customers.filter((c) => c.customerId !== "BIG");
    for (const tier of ["core", "basic", "general"]) {
      expect(next.migration!.tiers.entered[tier]).toBe(newcomers.filter((c) => c.tier.tier === tier).length);
    }
    expect(next.projects.warnings.map((w) => w.kind)).toEqual(["signal_rate_above_limit", "signal_rate_rise"]);
    expect(next.clusterMatches!.map((m) => [m.previous, m.next])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("skips clustering with a reason when there are too few loans", () => {
    const few = segment({ loans: loans.slice(0, 1) });
    expect(few.clusters).toBeNull();
    expect(few.clusteringSkippedReason).toMatch(/k = 2/);
    expect(few.customers.every((c) => c.cluster === null)).toBe(true);
  });

  it("refuses records of unknown customers", () => {
    expect(() => segment({ loans: [...loans, loan("STRANGER", 1, "4", 12)] })).toThrow(SegmentInputError);
  });
});
