import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import type { ProjectRecord } from "../records";
import { groupProjects, isDefaultSignal } from "./group-projects";

let nextId = 0;
const project = (overrides: Partial<ProjectRecord>): ProjectRecord => ({
  projectId: `P${++nextId}`,
  customerId: "C1",
  name: "project",
  industry: "manufacturing",
  region: "Jiangsu",
  totalInvestmentFen: 10_000_000_00n,
  loanAmountFen: 6_000_000_00n,
  riskLevel: "medium",
  status: "active",
  overdueDays: 0,
  isDowngraded: false,
  ...overrides,
});
const limits = DEFAULT_POLICY.warnings;

describe("isDefaultSignal", () => {
  it.each([
    [0, false, false],
    [90, false, false],
    [91, false, true],
    [0, true, true],
  ])("overdue %s days, downgraded %s → %s", (overdueDays, isDowngraded, expected) => {
    expect(isDefaultSignal({ overdueDays, isDowngraded }, limits)).toBe(expected);
  });
});

describe("groupProjects", () => {
  const projects = [
    project({ overdueDays: 120 }),
    project({ riskLevel: " Medium " }),
    project({ overdueDays: 10 }),
    project({ isDowngraded: true }),
    project({
      industry: "infrastructure",
      region: "Zhejiang",
      riskLevel: "low",
      totalInvestmentFen: 0n,
      loanAmountFen: 0n,
    }),
  ];

  it("groups by exact industry, region and risk level with a numeric profile", () => {
    const { groups } = groupProjects(projects, limits);
    expect(groups.map((g) => [g.key, g.projectCount])).toEqual([
      ["infrastructure|Zhejiang|low", 1],
      ["manufacturing|Jiangsu|medium", 4],
    ]);
    const manufacturing = groups[1]!;
    expect(manufacturing).toMatchObject({
      signalCount: 2,
      signalRatePct: "50.00",
      downgradedCount: 1,
      totalInvestmentFen: 40_000_000_00n,
      loanAmountFen: 24_000_000_00n,
      loanToInvestmentPct: "60.00",
      overdueDays: { mean: 32.5, median: 5, max: 120 },
      previousSignalRatePct: null,
    });
    expect(groups[0]!.loanToInvestmentPct).toBeNull();
  });

  it("warns when a large enough group passes the rate limit, not for small groups", () => {
    const { warnings } = groupProjects(
      [...projects, project({ industry: "infrastructure", region: "Zhejiang", riskLevel: "low", overdueDays: 365 })],
      limits,
    );
    expect(warnings.map((w) => [w.groupKey, w.kind])).toEqual([
      ["manufacturing|Jiangsu|medium", "signal_rate_above_limit"],
    ]);
    expect(warnings[0]).toMatchObject({
      industry: "manufacturing",
      region: "Jiangsu",
      riskLevel: "medium",
      signalRatePct: "50.00",
      limitPct: "10.00",
      changePctPoints: null,
    });
  });

  it.each([
    ["exactly at the limit: no warning", { ...limits, maxSignalRatePct: 50 }, []],
    ["just under the limit: warning", { ...limits, maxSignalRatePct: 49.99 }, ["signal_rate_above_limit"]],
    ["group below the minimum size", { ...limits, maxSignalRatePct: 0, minGroupSize: 5 }, []],
  ])("%s", (_name, policyLimits, kinds) => {
    const { warnings } = groupProjects(projects.slice(0, 4), policyLimits);
    expect(warnings.map((w) => w.kind)).toEqual(kinds);
  });

  it("compares with the previous run's rate", () => {
    const generous = { ...limits, maxSignalRatePct: 100 };
    const previous = [{ key: "manufacturing|Jiangsu|medium", signalCount: 1, projectCount: 4 }];
    const result = groupProjects(projects, generous, previous);
    const group = result.groups.find((g) => g.key === previous[0]!.key)!;
    expect(group.previousSignalRatePct).toBe("25.00");
    expect(group.changePctPoints).toBe("25.00");
    expect(result.warnings.map((w) => w.kind)).toEqual(["signal_rate_rise"]);
    expect(groupProjects(projects, { ...generous, maxRisePctPoints: 25 }, previous).warnings).toEqual([]);
  });
});
